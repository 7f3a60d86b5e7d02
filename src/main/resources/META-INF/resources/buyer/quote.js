// The signature pad of the buyer's quote page. Loaded from the app itself (no inline script). Without a
// pointer (or without script) the buyer's typed name is the signature; the server checks either way.
(function () {
    'use strict';
    var form = document.getElementById('sign-form');
    if (!form) {
        return;
    }
    var canvas = document.getElementById('signature-pad');
    var padBlock = document.getElementById('pad-block');
    var typedBlock = document.getElementById('typed-block');
    var mode = document.getElementById('signature-mode');
    var data = document.getElementById('signature-data');
    var usePad = document.getElementById('use-pad');
    var pad = null;

    function resize() {
        // Draw at the screen's pixel density so strokes stay sharp; resizing clears, so keep the strokes.
        var ratio = Math.max(window.devicePixelRatio || 1, 1);
        var strokes = pad ? pad.toData() : [];
        canvas.width = canvas.offsetWidth * ratio;
        canvas.height = canvas.offsetHeight * ratio;
        canvas.getContext('2d').scale(ratio, ratio);
        if (pad) {
            pad.clear();
            pad.fromData(strokes);
        }
    }

    function showPad() {
        padBlock.hidden = false;
        typedBlock.hidden = true;
        mode.value = 'drawn';
        if (!pad) {
            pad = new window.SignaturePad(canvas, {penColor: '#0b1f44', backgroundColor: 'rgba(255,255,255,0)'});
        }
        resize();
    }

    function showTyped() {
        padBlock.hidden = true;
        typedBlock.hidden = false;
        mode.value = 'typed';
        usePad.hidden = !window.SignaturePad;
    }

    var hasPointer = window.matchMedia && !window.matchMedia('(any-pointer: none)').matches;
    if (window.SignaturePad && canvas && hasPointer) {
        showPad();
        window.addEventListener('resize', resize);
    } else {
        showTyped();
    }
    document.getElementById('pad-clear').addEventListener('click', function () {
        if (pad) {
            pad.clear();
        }
    });
    document.getElementById('use-typed').addEventListener('click', showTyped);
    usePad.addEventListener('click', showPad);

    var submitted = false;
    form.addEventListener('submit', function (event) {
        if (submitted) {
            // One signature per click: a second submit while the first is on its way is dropped.
            event.preventDefault();
            return;
        }
        data.value = mode.value === 'drawn' && pad && !pad.isEmpty() ? pad.toDataURL('image/png') : '';
        submitted = true;
        document.getElementById('sign-submit').disabled = true;
    });
})();
