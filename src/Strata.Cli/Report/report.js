// strata report: draws the page from its JSON block. Every string from the image goes into the page as text
// (textContent, createTextNode, setAttribute on data- and aria- attributes), never as markup.
(() => {
  'use strict';

  const data = JSON.parse(document.getElementById('strata-data').textContent);
  const app = document.getElementById('app');
  const layerCount = data.layers.length;

  // ---- small helpers -------------------------------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'text') {
        node.textContent = String(value);
      } else if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  const units = ['B', 'kB', 'MB', 'GB', 'TB'];

  /** Bytes in decimal units, as the terminal report writes them. */
  function size(bytes) {
    if (bytes === null || bytes === undefined) {
      return '';
    }
    let value = bytes;
    let unit = 0;
    while (Math.abs(value) >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
  }

  const percent = (fraction) => `${(fraction * 100).toFixed(2)} %`;
  const count = (n) => n.toLocaleString('en-US');
  const plural = (n, one, many) => `${count(n)} ${n === 1 ? one : many || one + 's'}`;
  const layerName = (index) => (index === null || index === undefined || index < 0 ? '' : `layer ${index}`);
  const lineName = (line) => (line ? `line ${line}` : '');

  function layerCommand(index) {
    const layer = data.layers[index];
    return layer ? layer.command : '';
  }

  /** A layer's colour: hues spread evenly, light enough for dark text on top. */
  function layerColour(index, lightness) {
    if (index === null || index === undefined || index < 0) {
      return 'hsl(0 0% 85%)';
    }
    const hue = (index * 137.508) % 360;
    return `hsl(${hue.toFixed(1)} 60% ${lightness || 78}%)`;
  }

  function section(id, title, ...content) {
    return el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title`, text: title }), ...content);
  }

  function note(text) {
    return el('p', { class: 'note', text });
  }

  // ---- tables: sortable by any column, optionally filtered, drawing at most `limit` rows ------------------------

  /**
   * columns: [{ key, label, numeric, format(row), sortKey(row) }]; options: { filter, limit, sort: [key, direction],
   * rowAttributes(row), caption, empty }.
   */
  function table(columns, rows, options) {
    const settings = Object.assign({ limit: 500, filter: false, sort: null }, options || {});
    let sortKey = settings.sort ? settings.sort[0] : null;
    let direction = settings.sort ? settings.sort[1] : 1;
    let filterText = '';
    const body = el('tbody');
    const status = el('p', { class: 'table-status', 'aria-live': 'polite' });
    const headers = columns.map((column) => {
      const button = el('button', { type: 'button', class: 'sort', text: column.label, onclick: () => sortBy(column.key) });
      return el('th', { scope: 'col', class: column.numeric ? 'num' : null, 'data-key': column.key }, button);
    });
    const valueOf = (column, row) => (column.sortKey ? column.sortKey(row) : row[column.key]);

    function sortBy(key) {
      direction = sortKey === key ? -direction : (columns.find((c) => c.key === key).numeric ? -1 : 1);
      sortKey = key;
      draw();
    }

    function draw() {
      let shown = rows;
      if (filterText) {
        const needle = filterText.toLowerCase();
        // Matched against the data itself (paths, names, versions), not the cells' formatting.
        shown = rows.filter((row) => columns.some((c) => {
          const value = c.text ? c.text(row) : row[c.key];
          return value !== null && value !== undefined && typeof value !== 'object' && String(value).toLowerCase().includes(needle);
        }));
      }
      if (sortKey) {
        const column = columns.find((c) => c.key === sortKey);
        shown = shown.slice().sort((a, b) => {
          const x = valueOf(column, a);
          const y = valueOf(column, b);
          if (x === y) return 0;
          if (x === null || x === undefined || x === '') return 1;
          if (y === null || y === undefined || y === '') return -1;
          return (x < y ? -1 : 1) * direction;
        });
      }
      headers.forEach((th, i) => {
        th.setAttribute('aria-sort', columns[i].key === sortKey ? (direction > 0 ? 'ascending' : 'descending') : 'none');
      });
      const fragment = document.createDocumentFragment();
      for (const row of shown.slice(0, settings.limit)) {
        const cells = columns.map((c) => el('td', { class: c.numeric ? 'num' : null }, c.format ? c.format(row) : String(row[c.key] ?? '')));
        fragment.appendChild(el('tr', settings.rowAttributes ? settings.rowAttributes(row) : {}, cells));
      }
      body.replaceChildren(fragment);
      const total = settings.total === undefined ? rows.length : settings.total;
      let text = shown.length > settings.limit ? `Showing ${count(settings.limit)} of ${count(shown.length)} matching rows` : `${plural(shown.length, 'row')}`;
      if (filterText) text += ` matching “${filterText}”`;
      if (total > rows.length) text += ` (the report keeps the ${count(rows.length)} largest of ${count(total)})`;
      status.textContent = text;
    }

    const parts = [];
    if (settings.filter) {
      const input = el('input', { type: 'search', class: 'filter', placeholder: 'Filter…', 'aria-label': settings.filter });
      input.addEventListener('input', () => {
        filterText = input.value.trim();
        draw();
      });
      parts.push(el('div', { class: 'controls' }, el('label', {}, `${settings.filter} `, input)));
    }
    const tableElement = el('table', { class: settings.className || null },
      settings.caption ? el('caption', { text: settings.caption }) : null,
      el('thead', {}, el('tr', {}, headers)), body);
    draw();
    parts.push(el('div', { class: 'table-wrap' }, tableElement), status);
    return el('div', { class: 'table-block' }, parts);
  }

  // ---- header and summary cards ---------------------------------------------------------------------------------

  function header() {
    const image = data.image;
    document.title = `Strata report: ${image.name}`;
    const facts = [
      ['Image', image.name],
      ['Manifest digest', image.manifestDigest],
      ['Config digest', image.configDigest],
      ['Platform', image.platform],
      ['Operating system', image.os],
      ['Base image', image.baseName === null && image.baseLayers === null ? null
        : `${image.baseName || 'unnamed'}${image.baseLayers === null ? '' : ` (${plural(image.baseLayers, 'layer')})`}`],
    ].filter(([, value]) => value);
    return el('header', {},
      el('h1', {}, 'Strata report: ', el('span', { class: 'image-name', text: image.name })),
      el('dl', { class: 'facts' }, facts.map(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })])));
  }

  function navigation(sections) {
    return el('nav', { 'aria-label': 'Sections' }, el('ul', {}, sections.map(([id, title]) => el('li', {}, el('a', { href: `#${id}`, text: title })))));
  }

  function card(key, label, value, shown, detail) {
    return el('div', { class: 'card', 'data-card': key, 'data-value': value },
      el('div', { class: 'card-label', text: label }),
      el('div', { class: 'card-value', text: shown }),
      detail ? el('div', { class: 'card-detail' }, detail) : null);
  }

  function summary() {
    const s = data.summary;
    const cards = [
      card('compressed', 'Compressed size', s.compressedBytes, size(s.compressedBytes), 'as stored and pulled'),
      card('uncompressed', 'Uncompressed size', s.uncompressedBytes, size(s.uncompressedBytes), `files: ${size(s.sizeBytes)}`),
      card('layers', 'Layers', s.layers, count(s.layers), data.image.baseLayers === null ? null : `${count(data.image.baseLayers)} from the base image`),
      card('efficiency', 'Efficiency (dive)', s.efficiency, percent(s.efficiency), `wasted ${percent(s.userWastedPercent)} of user layers`),
      card('wasted', 'Wasted (dive)', s.wastedBytes, size(s.wastedBytes), 'every copy of a path in 2+ layers'),
      card('dead', 'Dead bytes', s.deadBytes, size(s.deadBytes), `${percent(s.deadPercent)} of stored file bytes`),
      card('duplicates', 'Duplicates', s.duplicateBytes, size(s.duplicateBytes), plural(s.duplicateGroups, 'group') + ' of identical files'),
      card('packages', 'Packages', s.packages, count(s.packages), null),
    ];
    if (data.advice.length > 0) {
      cards.push(card('advice', 'Advice saves', s.adviceBytes, size(s.adviceBytes), plural(data.advice.length, 'finding')));
    }
    if (s.vulnerabilities) {
      const total = Object.values(s.vulnerabilities).reduce((a, b) => a + b, 0);
      const parts = Object.entries(s.vulnerabilities).map(([severity, n]) =>
        el('span', { class: `severity sev-${severity}`, 'data-severity': severity, 'data-value': n, text: `${n} ${severity}` }));
      cards.push(card('vulnerabilities', 'Vulnerabilities', total, count(total), parts));
    }
    if (s.policyGrade) {
      cards.push(card('policy', 'Policy grade', s.policyGrade, s.policyGrade, data.policy && data.policy.failed ? 'a policy failed' : 'no policy failed'));
    }
    return section('summary', 'Summary', el('div', { class: 'cards' }, cards));
  }

  // ---- size map ---------------------------------------------------------------------------------------------

  /** The map's rows as a tree: { type, name, size, path, children, ... }, parents first in the data. */
  function mapTree() {
    const nodes = data.map.map((row) => {
      const [parent, type, name, value] = row;
      const node = { parent, type, name, size: value, children: null };
      if (type === 'd' || type === 'g') {
        node.minLayer = row[4];
        node.maxLayer = row[5];
        node.files = row[6];
        node.dead = row[7];
      } else if (type === 'f') {
        node.layer = row[4];
      } else if (type === 'o') {
        node.files = row[4];
      } else if (type === 'x') {
        node.killer = row[4];
        node.files = row[5];
        node.largest = row[6];
      }
      return node;
    });
    for (const node of nodes) {
      if (node.parent >= 0) {
        const parent = nodes[node.parent];
        (parent.children = parent.children || []).push(node);
        node.parentNode = parent;
        node.path = parent.path === '/' ? `/${node.name}` : `${parent.path}/${node.name}`;
      } else {
        node.path = '/';
      }
    }
    return nodes[0];
  }

  function describe(node) {
    switch (node.type) {
      case 'f':
        return [`${node.path}`, `${size(node.size)}, added by layer ${node.layer}`, layerCommand(node.layer)];
      case 'x':
        return [`${node.parentNode.path}: dead bytes`, `${size(node.size)} in ${plural(node.files, 'file')} killed by layer ${node.killer}; largest: ${node.largest}`, layerCommand(node.killer)];
      case 'o':
        return [`${node.parentNode.path}: ${node.name}`, `${size(node.size)} in ${plural(node.files, 'file')}, grouped to keep the page light`];
      default: {
        const layers = node.minLayer < 0 ? 'no visible files' : node.minLayer === node.maxLayer ? `added by layer ${node.minLayer}` : `files from layers ${node.minLayer}–${node.maxLayer}`;
        const dead = node.dead ? `; ${size(node.dead)} of it dead` : '';
        const closed = node.type === 'g' ? `; its ${plural(node.files, 'file')} are not drawn one by one` : '';
        return [node.path, `${size(node.size)}, ${layers}${dead}${closed}`];
      }
    }
  }

  function sizeMap() {
    const root = mapTree();
    const crumbs = el('nav', { class: 'crumbs', 'aria-label': 'Size map folder' });
    const canvas = el('div', { class: 'treemap', role: 'group', 'aria-label': 'Size map' });
    const tip = el('div', { class: 'tip', role: 'status', hidden: true });
    const legend = el('ul', { class: 'legend', 'aria-label': 'Layer colours' },
      data.layers.map((layer) => el('li', {},
        el('span', { class: 'swatch', 'data-layer': layer.index, 'aria-hidden': 'true' }),
        `layer ${layer.index}`)),
      el('li', {}, el('span', { class: 'swatch dead-swatch', 'aria-hidden': 'true' }), 'dead bytes (striped, in the killing layer’s colour)'),
      el('li', { text: 'a folder drawn whole: its layer’s colour, plain grey when it holds several layers’ files, grey stripes when mostly dead' }));
    for (const swatch of legend.querySelectorAll('.swatch[data-layer]')) {
      swatch.style.background = layerColour(Number(swatch.getAttribute('data-layer')));
    }
    let current = root;

    function showTip(node, event) {
      const [title, ...lines] = describe(node);
      tip.replaceChildren(el('strong', { text: title }), ...lines.filter(Boolean).map((line) => el('div', { text: line })));
      tip.hidden = false;
      const bounds = canvas.getBoundingClientRect();
      let x = 12;
      let y = 12;
      if (event && event.clientX !== undefined) {
        x = event.clientX - bounds.left + 14;
        y = event.clientY - bounds.top + 14;
      } else if (node.box) {
        x = node.box.x0 + 8;
        y = node.box.y0 + 20;
      }
      tip.style.left = `${Math.max(0, Math.min(x, bounds.width - 320))}px`;
      tip.style.top = `${Math.max(0, y)}px`;
    }

    function zoom(node) {
      current = node;
      draw();
      const first = canvas.querySelector('.box[tabindex="0"]');
      if (first && document.activeElement && canvas.contains(document.activeElement) === false && node !== root) {
        first.focus();
      }
    }

    function draw() {
      crumbs.replaceChildren();
      const chain = [];
      for (let node = current; node; node = node.parentNode) chain.unshift(node);
      chain.forEach((node, i) => {
        const label = node === root ? '/' : node.name;
        crumbs.appendChild(i === chain.length - 1
          ? el('span', { class: 'crumb current', 'aria-current': 'location', text: label })
          : el('button', { type: 'button', class: 'crumb', 'data-path': node.path, text: label, onclick: () => zoom(node) }));
        if (i < chain.length - 1 && node !== root) crumbs.appendChild(document.createTextNode(' / '));
        else if (i < chain.length - 1) crumbs.appendChild(document.createTextNode(' '));
      });
      crumbs.appendChild(el('span', { class: 'crumb-size', text: ` ${size(current.size)}` }));

      const width = Math.max(320, canvas.clientWidth || 960);
      const height = Math.round(Math.min(640, Math.max(360, width * 0.55)));
      canvas.style.height = `${height}px`;
      const clip = (node, depth) => ({ node, children: depth > 0 && node.children ? node.children.map((c) => clip(c, depth - 1)) : null });
      const hierarchy = d3.hierarchy(clip(current, 3), (d) => d.children)
        .sum((d) => (d.children ? 0 : Math.max(0, d.node.size)))
        .sort((a, b) => b.value - a.value);
      d3.treemap().tile(d3.treemapSquarify).size([width, height]).paddingOuter(2).paddingTop((d) => (d.depth === 0 ? 2 : 16)).paddingInner(2).round(true)(hierarchy);
      const fragment = document.createDocumentFragment();
      let drawn = 0;
      hierarchy.each((d) => {
        if (d.depth === 0) return;
        const w = d.x1 - d.x0;
        const h = d.y1 - d.y0;
        if (w < 3 || h < 3 || drawn > 4000) return;
        drawn++;
        const node = d.data.node;
        node.box = d;
        const box = el('div', {
          class: `box type-${node.type}${d.depth === 1 ? ' top' : ''}`,
          'data-path': node.type === 'x' || node.type === 'o' ? null : node.path,
          'data-type': node.type,
          'data-size': node.size,
          'data-killer': node.type === 'x' ? node.killer : null,
          role: d.depth === 1 ? 'button' : null,
          tabindex: d.depth === 1 ? '0' : null,
          'aria-label': d.depth === 1 ? describe(node).join('. ') : null,
        });
        box.style.left = `${d.x0}px`;
        box.style.top = `${d.y0}px`;
        box.style.width = `${w}px`;
        box.style.height = `${h}px`;
        const colourLayer = node.type === 'f' ? node.layer : node.type === 'x' ? node.killer : node.maxLayer;
        if (node.type === 'x') {
          box.style.backgroundImage = `repeating-linear-gradient(45deg, ${layerColour(colourLayer, 62)} 0 6px, ${layerColour(colourLayer, 86)} 6px 12px)`;
        } else if (node.type === 'f' || node.type === 'g' || (node.type === 'd' && !d.children)) {
          // A folder drawn without its contents (closed, or deeper than shown) is tinted like what it mostly holds.
          const mostlyDead = node.type !== 'f' && node.dead * 2 > node.size;
          const oneLayer = node.type === 'f' || node.minLayer === node.maxLayer;
          box.style.background = mostlyDead
            ? 'repeating-linear-gradient(45deg, hsl(0 0% 70%) 0 6px, hsl(0 0% 90%) 6px 12px)'
            : oneLayer ? layerColour(colourLayer, node.type === 'f' ? 78 : 88) : 'hsl(0 0% 93%)';
        }
        if (w > 40 && h > 14) {
          box.appendChild(el('span', { class: 'label', text: node.type === 'x' ? `dead: ${size(node.size)} (layer ${node.killer})` : `${node.name} ${size(node.size)}` }));
        }
        box.__node = node;
        fragment.appendChild(box);
      });
      canvas.replaceChildren(fragment, tip);
      tip.hidden = true;
    }

    const boxOf = (event) => event.target.closest && event.target.closest('.box');
    canvas.addEventListener('mousemove', (event) => {
      const box = boxOf(event);
      if (box) showTip(box.__node, event);
      else tip.hidden = true;
    });
    canvas.addEventListener('mouseleave', () => { tip.hidden = true; });
    canvas.addEventListener('focusin', (event) => {
      const box = boxOf(event);
      if (box) showTip(box.__node, null);
    });
    canvas.addEventListener('click', (event) => {
      const box = boxOf(event);
      if (!box) return;
      // One level at a time, as the keyboard goes: the click zooms into the box's folder at the top level.
      let node = box.__node;
      while (node.parentNode && node.parentNode !== current) node = node.parentNode;
      if (node.type === 'd' && node.children) zoom(node);
      else showTip(box.__node, event);
    });
    canvas.addEventListener('keydown', (event) => {
      const box = boxOf(event);
      if ((event.key === 'Enter' || event.key === ' ') && box) {
        event.preventDefault();
        const node = box.__node;
        if (node.type === 'd' && node.children) {
          zoom(node);
          const first = canvas.querySelector('.box.top');
          if (first) first.focus();
        } else {
          showTip(node, null);
        }
      } else if ((event.key === 'Backspace' || event.key === 'Escape') && current.parentNode) {
        event.preventDefault();
        const from = current;
        zoom(current.parentNode);
        const back = canvas.querySelector(`.box.top[data-path="${CSS.escape(from.path)}"]`);
        if (back) back.focus();
      }
    });
    let resizeTimer = 0;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(draw, 150);
    });
    const limits = data.limits;
    const aggregated = limits.mapClosedFolders > 0 || limits.mapGroupedFiles > 0
      ? note(`To keep the page light the map draws at most ${count(limits.mapNodeBudget)} boxes: ${plural(limits.mapClosedFolders, 'folder')} ` +
        `shown closed and ${plural(limits.mapGroupedFiles, 'file')} grouped, every total exact.`)
      : null;
    const block = section('map', 'Size map',
      note('The final file system by folder, with the dead bytes (stored, but hidden by a later layer) as striped boxes in the colour of the layer that killed them. ' +
        'Click a folder, or focus it and press Enter, to zoom in; Escape or Backspace goes back up.'),
      crumbs, canvas, legend, aggregated);
    // Laid out once the section is in the page and has a width.
    requestAnimationFrame(draw);
    block.__draw = draw;
    return block;
  }

  // ---- layers -----------------------------------------------------------------------------------------------

  function layers() {
    const detail = el('div', { class: 'layer-detail', 'aria-live': 'polite' });
    const rows = data.layers;
    const list = table([
      { key: 'index', label: '#', numeric: true, format: (l) => el('button', { type: 'button', class: 'layer-button', 'data-layer': l.index, 'aria-label': `Show the changes of layer ${l.index}`, text: String(l.index), onclick: () => select(l.index) }) },
      { key: 'sizeBytes', label: 'Size', numeric: true, format: (l) => size(l.sizeBytes) },
      { key: 'compressedBytes', label: 'Compressed', numeric: true, format: (l) => size(l.compressedBytes) },
      { key: 'deadBytes', label: 'Dead', numeric: true, format: (l) => (l.deadBytes ? size(l.deadBytes) : '–') },
      { key: 'changes', label: '+ / ~ / −', numeric: true, sortKey: (l) => l.changes.added.count + l.changes.modified.count + l.changes.removed.count,
        format: (l) => `${count(l.changes.added.count)} / ${count(l.changes.modified.count)} / ${count(l.changes.removed.count)}` },
      { key: 'line', label: 'Dockerfile', numeric: true, format: (l) => lineName(l.line) },
      { key: 'command', label: 'Command', format: (l) => el('span', {}, el('code', { class: 'command', text: l.command }), l.base ? el('span', { class: 'tag', text: 'base' }) : null) },
    ], rows, { limit: rows.length, className: 'layers', rowAttributes: (l) => ({ 'data-layer': l.index, class: 'layer-row' }) });

    function select(index) {
      const layer = data.layers[index];
      for (const row of list.querySelectorAll('tr.layer-row')) {
        row.classList.toggle('selected', Number(row.getAttribute('data-layer')) === index);
      }
      const c = layer.changes;
      const kinds = ['added', 'modified', 'removed'];
      const truncated = kinds.filter((k) => c[k].count > data.limits.changeRowsPerKind);
      const changes = table([
        { key: 'kind', label: 'Change', format: (r) => el('span', { class: `change change-${r.kind}`, text: r.kind }) },
        { key: 'path', label: 'Path', format: (r) => el('code', { text: r.path }) },
        { key: 'size', label: 'Size', numeric: true, format: (r) => size(r.size) },
        { key: 'type', label: 'Type' },
      ], layer.rows.map(([kind, path, bytes, type]) => ({ kind, path, size: bytes, type })), {
        filter: 'Filter the changes',
        limit: 1000,
        sort: ['size', -1],
        total: c.added.count + c.modified.count + c.removed.count,
        className: 'changes',
        rowAttributes: (r) => ({ 'data-change': r.kind, 'data-path': r.path }),
      });
      detail.replaceChildren(
        el('h3', { id: 'layer-detail-title', tabindex: '-1', text: `Layer ${index}: its changes` }),
        el('p', {}, el('code', { class: 'command', text: layer.command || '(no command recorded)' })),
        el('p', { text: kinds.map((k) => `${plural(c[k].count, k === 'added' ? 'added entry' : k === 'modified' ? 'modified entry' : 'removed entry', k === 'added' ? 'added entries' : k === 'modified' ? 'modified entries' : 'removed entries')} (${size(c[k].bytes)})`).join(', ') }),
        truncated.length ? note(`Only the ${count(data.limits.changeRowsPerKind)} largest ${truncated.join(' and ')} entries are listed; the counts and sizes above are exact.`) : null,
        changes);
      detail.querySelector('h3').focus({ preventScroll: true });
    }

    return section('layers', 'Layers',
      note('Each layer with its size, the bytes of its files that later layers hide (dead), and the command that made it. Choose a layer to list what it added, modified and removed; a removed entry’s size is the bytes it hid.'),
      list, detail);
  }

  // ---- waste, duplicates, advice ----------------------------------------------------------------------------

  function waste() {
    const w = data.waste;
    const dead = table([
      { key: 'path', label: 'Path', format: (r) => el('code', { text: r.path }) },
      { key: 'bytes', label: 'Dead bytes', numeric: true, format: (r) => size(r.bytes) },
      { key: 'storedIn', label: 'Stored by', numeric: true, format: (r) => layerName(r.storedIn) },
      { key: 'killedBy', label: 'Hidden by', numeric: true, format: (r) => layerName(r.killedBy) },
      { key: 'cause', label: 'How' },
      { key: 'line', label: 'Dockerfile', numeric: true, format: (r) => lineName(r.line) },
    ], w.dead, { filter: 'Filter the dead files', sort: ['bytes', -1], total: w.deadCount, rowAttributes: (r) => ({ 'data-path': r.path }) });
    const inefficient = table([
      { key: 'path', label: 'Path', format: (r) => el('code', { text: r.path }) },
      { key: 'count', label: 'Copies', numeric: true },
      { key: 'bytes', label: 'Total size', numeric: true, format: (r) => size(r.bytes) },
    ], w.inefficient, { filter: 'Filter dive’s list', sort: ['bytes', -1], total: w.inefficientCount });
    return section('waste', 'Waste',
      el('h3', { text: `Dead files: ${size(data.summary.deadBytes)} stored but hidden` }),
      note('Removing a file in a later layer does not make the image smaller: its bytes stay in the layer that stored it. Each row saves its bytes when the file is never stored (or removed in the same step, at the line given).'),
      dead,
      el('h3', { text: `dive’s inefficient files: ${size(data.summary.wastedBytes)}` }),
      note('Every path dive sees in more than one layer, with the size of all its copies.'),
      inefficient);
  }

  function duplicates() {
    const d = data.duplicates;
    return section('duplicates', 'Duplicates',
      note('Identical files at several visible paths. Keeping one copy (or hard-linking the others) saves the bytes shown.'),
      table([
        { key: 'size', label: 'File size', numeric: true, format: (g) => size(g.size) },
        { key: 'pathCount', label: 'Copies', numeric: true },
        { key: 'bytes', label: 'Saves', numeric: true, format: (g) => size(g.bytes) },
        { key: 'paths', label: 'Paths', sortKey: (g) => g.paths[0], text: (g) => g.paths.join(' '), format: (g) => pathList(g) },
      ], d.groups, { filter: 'Filter the duplicates', sort: ['bytes', -1], total: d.count, limit: 200 }));
  }

  function pathList(row) {
    const list = el('ul', { class: 'paths' }, row.paths.map((p) => el('li', {}, el('code', { text: p }))));
    if (row.pathCount > row.paths.length) list.appendChild(el('li', { text: `and ${count(row.pathCount - row.paths.length)} more` }));
    return list;
  }

  function advice() {
    return section('advice', 'Advice',
      note('How to make the image smaller and safer, measured on the image: the bytes each fix saves (no stored file counted twice) and, with --dockerfile, the line to change.'),
      table([
        { key: 'id', label: 'ID' },
        { key: 'severity', label: 'Severity', sortKey: (a) => ({ error: 3, warning: 2, info: 1 })[a.severity] || 0 },
        { key: 'title', label: 'Finding', text: (a) => [a.title, a.message, a.fix, ...a.paths].join(' '), format: (a) => el('div', {}, el('strong', { text: a.title }), el('div', { text: a.message }), a.fix ? el('div', { class: 'fix' }, 'Fix: ', el('code', { text: a.fix })) : null, a.paths.length ? pathList(a) : null) },
        { key: 'bytes', label: 'Saves', numeric: true, format: (a) => size(a.bytes) },
        { key: 'layer', label: 'Layer', numeric: true, format: (a) => layerName(a.layer) },
        { key: 'line', label: 'Dockerfile', numeric: true, format: (a) => lineName(a.line) },
      ], data.advice, { filter: 'Filter the advice', sort: ['bytes', -1], rowAttributes: (a) => ({ 'data-advice': a.id }) }));
  }

  // ---- packages, vulnerabilities, policy --------------------------------------------------------------------

  function packages() {
    const p = data.packages;
    return section('packages', 'Packages',
      table([
        { key: 'name', label: 'Name' },
        { key: 'version', label: 'Version' },
        { key: 'type', label: 'Type' },
        { key: 'layer', label: 'Layer', numeric: true, format: (r) => layerName(r.layer) },
        { key: 'license', label: 'Licence' },
      ], p.rows, { filter: 'Filter the packages', sort: ['name', 1], total: p.count, rowAttributes: (r) => ({ 'data-package': r.name }) }));
  }

  function vulnerabilities() {
    const v = data.vulnerabilities;
    return section('vulnerabilities', 'Vulnerabilities',
      note('From the offline OSV database given with --db; findings suppressed by VEX are left out.'),
      table([
        { key: 'severity', label: 'Severity', numeric: true, sortKey: (r) => r.rank, format: (r) => el('span', { class: `severity sev-${r.severity}`, text: r.severity }) },
        { key: 'id', label: 'ID' },
        { key: 'package', label: 'Package' },
        { key: 'version', label: 'Installed' },
        { key: 'fixed', label: 'Fixed in' },
        { key: 'layer', label: 'Layer', numeric: true, format: (r) => layerName(r.layer) },
        { key: 'inBase', label: 'In base image', sortKey: (r) => (r.inBase ? 1 : 0), format: (r) => (r.inBase ? 'yes' : 'no') },
        { key: 'summary', label: 'Summary' },
      ], v.rows, { filter: 'Filter the vulnerabilities', sort: ['severity', -1], rowAttributes: (r) => ({ 'data-vulnerability': r.id, 'data-severity': r.severity }) }));
  }

  function policy() {
    const p = data.policy;
    return section('policy', 'Policies',
      el('p', { class: 'grade' }, 'Grade ', el('span', { class: `grade-letter grade-${p.grade}`, 'data-grade': p.grade, text: p.grade })),
      table([
        { key: 'name', label: 'Policy' },
        { key: 'status', label: 'Result', format: (r) => el('span', { class: `status status-${r.status}`, text: r.status }) },
        { key: 'reason', label: 'Why' },
        { key: 'line', label: 'Dockerfile', numeric: true, format: (r) => lineName(r.line) },
        { key: 'evidence', label: 'Evidence', text: (r) => r.evidence.join(' '), sortKey: (r) => r.evidenceCount, format: (r) => el('ul', { class: 'paths' }, r.evidence.map((e) => el('li', {}, el('code', { text: e })))) },
      ], p.results, { rowAttributes: (r) => ({ 'data-policy': r.name, 'data-status': r.status }) }));
  }

  // ---- the page ---------------------------------------------------------------------------------------------

  const parts = [['summary', 'Summary', summary], ['map', 'Size map', sizeMap], ['layers', 'Layers', layers], ['waste', 'Waste', waste],
    ['duplicates', 'Duplicates', duplicates], ['advice', 'Advice', advice], ['packages', 'Packages', packages]];
  if (data.vulnerabilities) parts.push(['vulnerabilities', 'Vulnerabilities', vulnerabilities]);
  if (data.policy) parts.push(['policy', 'Policies', policy]);
  const main = el('main', {}, parts.map(([, , build]) => build()));
  app.replaceChildren(header(), navigation(parts), main,
    el('footer', {}, `Written by ${data.image.generator}. The size map is laid out with d3-hierarchy (ISC licence). This page makes no network request.`));
  requestAnimationFrame(() => {
    // How long the page took from navigation to drawn, for anyone checking it stays quick on a huge image.
    document.body.setAttribute('data-drawn-ms', String(Math.round(performance.now())));
    document.body.setAttribute('data-ready', 'true');
  });
})();
