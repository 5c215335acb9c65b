/* Recomputes "open now" for the contact block in the visitor's browser.
   The page may come from a cache long after it was rendered, so the server's answer is only the
   starting point: the block carries the weekly hours and the coming holiday closures, and this
   script decides from the current time in Japan. No framework, nothing fetched. */
(function () {
  "use strict";
  var block = document.querySelector("[data-contact-hours]");
  if (!block || !window.Intl) { return; }
  var status = block.querySelector("[data-contact-status]");
  var weekdays = block.dataset.weekdays.split(",").map(Number);
  var closedDates = block.dataset.closedDates ? block.dataset.closedDates.split(",") : [];
  var opens = block.dataset.opens, closes = block.dataset.closes;
  var lang = document.documentElement.lang || "ja";

  function tokyoParts(date) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short"
    }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    var names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    return {
      day: parts.year + "-" + parts.month + "-" + parts.day,
      time: parts.hour + ":" + parts.minute,
      weekday: names.indexOf(parts.weekday)
    };
  }
  function isOpenDay(parts) {
    return weekdays.indexOf(parts.weekday) !== -1 && closedDates.indexOf(parts.day) === -1;
  }
  function nextOpening(now) {
    var today = tokyoParts(now);
    if (isOpenDay(today) && today.time < opens) { return today.day; }
    for (var offset = 1; offset < 400; offset++) {
      var later = tokyoParts(new Date(now.getTime() + offset * 86400000));
      if (isOpenDay(later)) { return later.day; }
    }
    return null;
  }
  function describe(day) {
    var moment = new Date(day + "T" + opens + ":00+09:00");
    var when = new Intl.DateTimeFormat(lang, {
      timeZone: "Asia/Tokyo", month: "long", day: "numeric", weekday: "short"
    }).format(moment);
    return when + " " + opens.replace(/^0/, "") + (block.dataset.timeZone ? " " + block.dataset.timeZone : "");
  }

  var now = new Date();
  var parts = tokyoParts(now);
  var open = isOpenDay(parts) && parts.time >= opens && parts.time < closes;
  var text;
  if (open) {
    text = block.dataset.openText.replace("{time}", closes.replace(/^0/, "") + (block.dataset.timeZone ? " " + block.dataset.timeZone : ""));
  } else {
    var day = nextOpening(now);
    text = day ? block.dataset.closedText.replace("{when}", describe(day)) : block.dataset.closedForNowText;
  }
  status.textContent = text;
  status.classList.toggle("is-open", open);
  block.dataset.open = open ? "true" : "false";
})();
