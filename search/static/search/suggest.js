// Title suggestions for the search boxes, as one types: progressive enhancement of
// <input data-suggest-url="…">. The suggestions go into a native <datalist>, which browsers and
// screen readers already present as a list of options; without JavaScript the box simply searches.
(function () {
  "use strict";

  function enhance(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);
    var timer = null;
    var pending = null;

    function show(suggestions) {
      list.replaceChildren.apply(list, suggestions.map(function (item) {
        var option = document.createElement("option");
        option.value = item.title;
        return option;
      }));
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) {
        show([]);
        return;
      }
      timer = setTimeout(function () {
        if (pending) {
          pending.abort();
        }
        pending = new AbortController();
        var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
        fetch(url, {signal: pending.signal, headers: {Accept: "application/json"}})
          .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
          .then(function (data) { show(data.suggestions || []); })
          .catch(function () { /* a lost suggestion is not worth an error */ });
      }, 200);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
