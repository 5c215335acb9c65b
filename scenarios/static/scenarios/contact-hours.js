/* Recomputes "open now" in the visitor's browser for every contact block of the page (the header's
   and the footer's, each marked data-contact-hours, each with its data-contact-status elements).
   The page may come from a cache long after it was rendered, so the server's answer is only the
   starting point: a block carries the weekly hours, the line's time zone and the coming days it is
   closed (public holidays and closure periods, for more than a year ahead), and this script decides
   from the current time there. No framework, nothing fetched. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll("[data-contact-hours]");
  if (!blocks.length || !window.Intl) { return; }
  var DAY = 86400000;
  var lang = document.documentElement.lang || undefined;

  /* The calendar day (as midnight UTC of that date, in ms), the time ("HH:MM") and the weekday
     (Monday 0) of ``date`` in ``zone``. */
  function localParts(date, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    var day = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
    return { day: day, time: parts.hour + ":" + parts.minute };
  }
  function isoDay(day) { return new Date(day).toISOString().slice(0, 10); }
  function weekday(day) { return (new Date(day).getUTCDay() + 6) % 7; }

  function update(block) {
    var data = block.dataset;
    var zone = data.timeZone || "UTC";
    var weekdays = data.weekdays ? data.weekdays.split(",").map(Number) : [];
    var closedDates = data.closedDates ? data.closedDates.split(",") : [];
    var opens = data.opens, closes = data.closes;
    var zoneLabel = data.zoneLabel ? " " + data.zoneLabel : "";

    function isOpenDay(day) {
      return weekdays.indexOf(weekday(day)) !== -1 && closedDates.indexOf(isoDay(day)) === -1;
    }
    function nextOpening(today) {
      if (isOpenDay(today.day) && today.time < opens) { return today.day; }
      for (var offset = 1; offset < 400; offset++) {
        var later = today.day + offset * DAY;  // calendar days: no daylight-saving step to trip on
        if (isOpenDay(later)) { return later; }
      }
      return null;
    }
    /* As the server writes it: "11月24日 (火) 9:00", "November 24 (Tue) 9:00 JST". */
    function describe(day) {
      var date = new Date(day);
      var monthDay = new Intl.DateTimeFormat(lang, { timeZone: "UTC", month: "long", day: "numeric" }).format(date);
      var weekdayName = new Intl.DateTimeFormat(lang, { timeZone: "UTC", weekday: "short" }).format(date);
      return monthDay + " (" + weekdayName + ") " + opens.replace(/^0/, "") + zoneLabel;
    }

    var now = localParts(new Date(), zone);
    var open = isOpenDay(now.day) && now.time >= opens && now.time < closes;
    var text;
    if (open) {
      text = data.openText.replace("{time}", closes.replace(/^0/, "") + zoneLabel);
    } else {
      var day = nextOpening(now);
      text = day !== null ? data.closedText.replace("{when}", describe(day)) : data.closedForNowText;
    }
    Array.prototype.forEach.call(block.querySelectorAll("[data-contact-status]"), function (status) {
      status.textContent = text;
      status.classList.toggle("is-open", open);
    });
    data.open = open ? "true" : "false";
  }

  Array.prototype.forEach.call(blocks, update);
})();
