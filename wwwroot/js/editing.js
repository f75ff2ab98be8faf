// Keeps this person's "editing" lease fresh while the article form is open, and shows who else has it open.
// The page works without it: opening or saving the form renews the lease too.
(function () {
    'use strict';
    var notice = document.getElementById('editing-notice');
    var form = document.getElementById('article-form');
    if (!notice || !form || !window.fetch) {
        return;
    }

    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    var every = parseInt(notice.getAttribute('data-interval') || '45', 10) * 1000;

    function beat() {
        var body = new URLSearchParams();
        if (token) {
            body.append('__RequestVerificationToken', token.value);
        }

        fetch(notice.getAttribute('data-heartbeat'), { method: 'POST', body: body, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (answer) {
                if (answer) {
                    notice.textContent = answer.notice;
                    notice.hidden = !answer.notice;
                }
            })
            .catch(function () { /* The next beat tries again. */ });
    }

    window.setInterval(beat, every);
}());
