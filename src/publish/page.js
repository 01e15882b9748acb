"use strict";
// nashra day page: chapters, transcript following the voice, speeds, keyboard.
document.addEventListener("DOMContentLoaded", function () {
  var audio = document.getElementById("audio");
  if (!audio) { return; }
  var list = function (selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); };
  var stories = list("button.story");
  var sentences = list(".s");
  var startOf = function (el) { return parseFloat(el.getAttribute("data-start")) || 0; };
  var storyStarts = stories.map(startOf);
  var sentenceStarts = sentences.map(startOf);
  var followButton = document.getElementById("follow");
  var speedButtons = list("[data-speed]");
  var current = null;
  var currentStory = null;
  var follow = true;
  var ownScrollUntil = 0;

  // The last index whose start is at or before t, or -1.
  function indexAt(starts, t) {
    var lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }
  function visible(el) {
    var box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }
  function keepInView(el) {
    if (el && !visible(el)) {
      ownScrollUntil = Date.now() + 800;
      el.scrollIntoView({ block: "center" });
    }
  }
  function setCurrent(old, el) {
    if (old === el) { return old; }
    if (old) { old.removeAttribute("aria-current"); }
    if (el) { el.setAttribute("aria-current", "true"); }
    return el;
  }
  function mark() {
    var t = audio.currentTime + 0.001;
    var i = indexAt(sentenceStarts, t);
    var before = current;
    current = setCurrent(current, i >= 0 ? sentences[i] : null);
    if (current !== before && follow) { keepInView(current); }
    var j = indexAt(storyStarts, t);
    currentStory = setCurrent(currentStory, j >= 0 ? stories[j] : null);
  }
  function seek(t) {
    var end = isFinite(audio.duration) ? audio.duration : t;
    audio.currentTime = Math.max(0, Math.min(t, end));
    mark();
  }
  function story(index) {
    if (index < 0) { seek(0); } else if (index < storyStarts.length) { seek(storyStarts[index]); }
  }
  function togglePlay() {
    if (audio.paused) {
      var playing = audio.play();
      if (playing && playing.catch) { playing.catch(function () {}); }
    } else {
      audio.pause();
    }
  }
  function setSpeed(value, remember) {
    var rate = parseFloat(value);
    if (!(rate >= 0.5 && rate <= 3)) { return; }
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
    speedButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(parseFloat(b.getAttribute("data-speed")) === rate));
    });
    if (remember) {
      try { window.localStorage.setItem("nashra-speed", String(rate)); } catch (e) { /* storage off */ }
    }
  }

  stories.forEach(function (button, index) {
    button.addEventListener("click", function () { story(index); });
  });
  speedButtons.forEach(function (button) {
    button.addEventListener("click", function () { setSpeed(button.getAttribute("data-speed"), true); });
  });
  if (speedButtons.length) { speedButtons[0].parentNode.hidden = false; }
  try {
    var saved = window.localStorage.getItem("nashra-speed");
    if (saved) { setSpeed(saved, false); }
  } catch (e) { /* storage off */ }
  audio.addEventListener("loadedmetadata", function () { setSpeed(String(audio.defaultPlaybackRate), false); });
  ["timeupdate", "seeked", "seeking"].forEach(function (name) { audio.addEventListener(name, mark); });

  window.addEventListener("scroll", function () {
    if (!current || Date.now() < ownScrollUntil) { return; }
    follow = visible(current);
    followButton.hidden = follow;
  }, { passive: true });
  followButton.addEventListener("click", function () {
    follow = true;
    followButton.hidden = true;
    keepInView(current);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var tag = target && target.tagName ? target.tagName : "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (target && target.isContentEditable)) { return; }
    var key = event.key;
    var t = audio.currentTime;
    var now = indexAt(storyStarts, t + 0.05);
    if (key === " " || key === "Spacebar") {
      if (/^(BUTTON|A|AUDIO|SUMMARY)$/.test(tag)) { return; }
      togglePlay();
    } else if (key === "j" || key === "J") {
      seek(t - 10);
    } else if (key === "l" || key === "L") {
      seek(t + 10);
    } else if (key === "n" || key === "N") {
      story(Math.min(now + 1, storyStarts.length - 1));
    } else if (key === "p" || key === "P") {
      story(now - 1);
    } else if (/^[1-9]$/.test(key) && Number(key) <= storyStarts.length) {
      story(Number(key) - 1);
    } else {
      return;
    }
    event.preventDefault();
  });
  mark();
});
