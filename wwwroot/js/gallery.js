// Photo galleries (section[data-gallery]): without script each picture is a link to its large file. With it, a
// click or Enter on a picture opens it large in a dialog; Left and Right arrows (and the buttons) move through
// the pictures, Home and End jump to the first and last, Escape closes and returns focus to the picture.
(() => {
  'use strict';

  const button = (label, text, action) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  };

  const open = (links, start) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'gallery-viewer';
    dialog.setAttribute('aria-label', 'Picture viewer');
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    const caption = document.createElement('figcaption');
    const count = document.createElement('p');
    count.className = 'gallery-count';
    count.setAttribute('aria-live', 'polite');
    figure.append(img, caption);

    let index = start;
    const show = (i) => {
      index = (i + links.length) % links.length;
      const link = links[index];
      const thumb = link.querySelector('img');
      img.src = link.href;
      img.alt = thumb ? thumb.alt : '';
      const text = link.closest('figure')?.querySelector('figcaption');
      caption.textContent = text ? text.textContent : '';
      count.textContent = `Picture ${index + 1} of ${links.length}`;
    };

    const controls = document.createElement('div');
    controls.className = 'gallery-controls';
    const close = button('Close the viewer', 'Close', () => dialog.close());
    controls.append(
      button('Previous picture', '‹ Previous', () => show(index - 1)),
      count,
      button('Next picture', 'Next ›', () => show(index + 1)),
      close);
    dialog.append(controls, figure);

    dialog.addEventListener('keydown', (e) => {
      const moves = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: links.length - 1 };
      if (e.key in moves) {
        e.preventDefault();
        show(moves[e.key]);
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      links[index].focus();
    });

    document.body.append(dialog);
    show(start);
    dialog.showModal();
    close.focus();
  };

  document.querySelectorAll('[data-gallery]').forEach((gallery) => {
    const links = [...gallery.querySelectorAll('a.gallery-link')];
    links.forEach((link, i) => link.addEventListener('click', (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
        return;
      }

      e.preventDefault();
      open(links, i);
    }));
  });
})();
