#!/usr/bin/env python3
"""List the functions outside `#[cfg(test)]` modules longer than a limit (issue 15: 80 lines,
counted from the `fn` line to the closing brace); exits 1 when there is any.

    scripts/long-functions.py [SRC_DIR=src] [LIMIT=80]

src/main.rs is left out. Comments, strings and character literals are blanked before the
braces are counted, so the count needs no Rust parser.
"""
import os
import re
import sys

def strip(src):
    """`src` with comments, strings and character literals blanked (newlines kept)."""
    out=[];i=0;n=len(src)
    while i<n:
        c=src[i]
        if src.startswith('//',i):
            j=src.find('\n',i); j=n if j<0 else j
            out.append(' '*(j-i)); i=j; continue
        if src.startswith('/*',i):
            j=src.find('*/',i)+2
            out.append(re.sub(r'[^\n]',' ',src[i:j])); i=j; continue
        m=re.match(r'b?r(#*)"',src[i:i+10])
        if m and (i==0 or not (src[i-1].isalnum() or src[i-1]=='_')):
            hashes=m.group(1); end='"'+hashes
            j=src.find(end,i+len(m.group(0)))+len(end)
            out.append(re.sub(r'[^\n]',' ',src[i:j])); i=j; continue
        if c=='"':
            j=i+1
            while src[j]!='"':
                j+= 2 if src[j]=='\\' else 1
            j+=1
            out.append(re.sub(r'[^\n]',' ',src[i:j])); i=j; continue
        if c=="'":
            m=re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\x..|\\.|[^\\'])'",src[i:i+12])
            if m:
                out.append(' '*len(m.group(0))); i+=len(m.group(0)); continue
        out.append(c); i+=1
    return ''.join(out)
def match_brace(s,pos):
    d=0
    for k in range(pos,len(s)):
        if s[k]=='{': d+=1
        elif s[k]=='}':
            d-=1
            if d==0: return k
    return len(s)-1


def long_functions(top, limit):
    found = []
    for root, _, files in os.walk(top):
        for name in files:
            path = os.path.join(root, name)
            if not name.endswith('.rs') or path.endswith('src/main.rs'):
                continue
            s = strip(open(path, encoding='utf-8').read())
            line_of = lambda k: s.count('\n', 0, k) + 1
            tests = [(m.start(), match_brace(s, m.end() - 1)) for m in re.finditer(
                r'#\[cfg\(test\)\]\s*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*\{', s)]
            for m in re.finditer(r'\bfn\s+(\w+)', s):
                if any(a <= m.start() <= b for a, b in tests):
                    continue
                k, depth = m.end(), 0
                while k < len(s):
                    if s[k] in '(<[':
                        depth += 1
                    elif s[k] in ')>]':
                        depth -= 1
                    elif s[k] == ';' and depth <= 0:
                        k = len(s)  # a declaration without a body
                    elif s[k] == '{' and depth <= 0:
                        break
                    k += 1
                if k >= len(s):
                    continue
                lines = line_of(match_brace(s, k)) - line_of(m.start()) + 1
                if lines > limit:
                    found.append((lines, path, line_of(m.start()), m.group(1)))
    return sorted(found, reverse=True)


if __name__ == '__main__':
    top = sys.argv[1] if len(sys.argv) > 1 else 'src'
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    found = long_functions(top, limit)
    for lines, path, line, name in found:
        print(f'{path}:{line}: {name} is {lines} lines')
    sys.exit(1 if found else 0)
