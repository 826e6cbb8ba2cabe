'use strict';
// The attention explorer: asks POST /explore for each sentence and draws, per translation, the
// alignment links, the attention heatmap (source across, target down), the n-best list, the beam
// search as a tree, and "what if" (the words weighed at a step; picking one forces it as a prefix).

const SVG = 'http://www.w3.org/2000/svg';
const cards = [];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)};
  const response = await fetch(path, init);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || ('HTTP ' + response.status));
  return data;
}

function view() {
  return document.getElementById('view-pieces').checked ? 'pieces' : 'words';
}

// What one translation looks like at the chosen granularity: labels, matrix [target][source], links.
function layers(t) {
  if (view() === 'pieces' || !t.word_attention) {
    const m = t.tokens.attention;
    const links = m.map((row, i) => [row.indexOf(Math.max(...row)), i]);
    return {source: t.tokens.source, target: t.tokens.target, matrix: m, links, step: i => i};
  }
  return {source: t.source_words, target: t.target_words, matrix: t.word_attention, links: t.links,
          step: w => t.target_word_of_token.indexOf(w)};
}

function color(w) {
  const a = Math.max(0, Math.min(1, w));
  return `rgba(31, 111, 178, ${a.toFixed(3)})`;
}

function heatmap(l) {
  const head = el('tr', {}, el('th'));
  l.source.forEach(s => head.append(el('th', {scope: 'col'}, s)));
  const body = el('tbody');
  l.matrix.forEach((row, t) => {
    const tr = el('tr', {'data-t': t}, el('th', {scope: 'row'}, l.target[t]));
    row.forEach((w, s) => tr.append(el('td', {
      class: 'cell', 'data-t': t, 'data-s': s, 'data-w': String(w),
      title: `${l.target[t]} ← ${l.source[s]}: ${w.toFixed(3)}`, style: `background:${color(w)}`})));
    body.append(tr);
  });
  return el('table', {class: 'heatmap'}, el('thead', {}, head), body);
}

// Source words above, target words below, a line for each alignment link; hover and click on targets.
function linkView(l, onPick) {
  const src = el('div', {class: 'row source'});
  const tgt = el('div', {class: 'row target'});
  const svg = svgEl('svg', {width: 1, height: 1});
  const box = el('div', {class: 'links'}, src, el('div', {class: 'gap'}), tgt, svg);
  const srcWords = l.source.map(s => el('span', {class: 'word'}, s));
  const tgtWords = l.target.map((w, t) => el('span', {class: 'word', 'data-t': t}, w));
  src.append(...srcWords);
  tgt.append(...tgtWords);
  const lines = [];
  function draw() {
    svg.replaceChildren();
    lines.length = 0;
    const origin = box.getBoundingClientRect();
    const left = origin.left - box.scrollLeft;
    svg.setAttribute('width', box.scrollWidth);
    svg.setAttribute('height', box.scrollHeight);
    for (const [s, t] of l.links) {
      if (s < 0 || !srcWords[s] || !tgtWords[t]) continue;
      const a = srcWords[s].getBoundingClientRect(), b = tgtWords[t].getBoundingClientRect();
      const line = svgEl('line', {x1: a.left + a.width / 2 - left, y1: a.bottom - origin.top,
        x2: b.left + b.width / 2 - left, y2: b.top - origin.top, 'data-s': s, 'data-t': t});
      lines.push(line);
      svg.append(line);
    }
  }
  tgtWords.forEach((span, t) => {
    span.addEventListener('mouseenter', () => {
      l.matrix[t].forEach((w, s) => { srcWords[s].style.background = color(w); });
      lines.forEach(x => x.classList.toggle('active', Number(x.dataset.t) === t));
      box.dispatchEvent(new CustomEvent('hover-target', {detail: t}));
    });
    span.addEventListener('mouseleave', () => {
      srcWords.forEach(x => { x.style.background = ''; });
      lines.forEach(x => x.classList.remove('active'));
      box.dispatchEvent(new CustomEvent('hover-target', {detail: -1}));
    });
    span.addEventListener('click', () => {
      tgtWords.forEach(x => x.classList.toggle('selected', x === span));
      onPick(t);
    });
  });
  return {box, draw};
}

function alternativesView(data, step, onForce) {
  const list = data.alternatives[step];
  if (!list) return el('div', {class: 'alternatives'}, 'No alternatives for this position.');
  const chosen = data.translations[0].tokens.target[step];
  const ol = el('ol');
  list.forEach(a => ol.append(el('li', {class: 'alternative', 'data-token': a.token, onclick: () => onForce(step, a.token)},
    `${a.token}  ${(100 * a.p).toFixed(1)}%`, el('span', {class: 'bar', style: `width:${Math.round(120 * a.p)}px`}))));
  return el('div', {class: 'alternatives'},
    `Step ${step + 1}: the model chose “${chosen}”; it weighed (click one to force it):`, ol);
}

// One translation: text, score, links, heatmap, and (for the best of an exploration) what-if.
function renderPanel(panel, card, data, index, title) {
  const t = data.translations[index];
  const l = layers(t);
  const alternatives = el('div');
  const links = linkView(l, pick => {
    if (index !== 0) {
      alternatives.replaceChildren(el('div', {class: 'alternatives'}, 'What-if works on the best translation.'));
      return;
    }
    alternatives.replaceChildren(alternativesView(data, l.step(pick), (step, token) => whatIf(card, data, step, token)));
  });
  const table = heatmap(l);
  links.box.addEventListener('hover-target', e => {
    table.querySelectorAll('tbody tr').forEach(tr => tr.classList.toggle('hover', Number(tr.dataset.t) === e.detail));
  });
  panel.replaceChildren(el('h3', {}, title), el('div', {class: 'translation'}, t.text || '(empty)'),
    el('div', {class: 'score'}, `score ${t.score.toFixed(4)} · log p ${t.log_prob.toFixed(4)}` + (t.truncated ? ' · cut at the length limit' : '')),
    links.box, alternatives, el('div', {class: 'heatmap-box'}, table));
  requestAnimationFrame(links.draw);
}

function nBestView(card) {
  const ol = el('ol');
  card.data.translations.forEach((t, i) => ol.append(el('li', {class: i === card.shown ? 'current' : '',
    onclick: () => { card.shown = i; render(card); }}, `${t.text || '(empty)'}  (${t.score.toFixed(4)})`)));
  const details = el('details', {class: 'nbest'}, el('summary', {}, `n-best list (${card.data.translations.length})`), ol);
  details.open = card.nbestOpen;
  details.addEventListener('toggle', () => { card.nbestOpen = details.open; });
  return details;
}

// The beam as a tree: a column per step, each kept hypothesis a box (token, score), finished ones
// marked, the path of the best translation drawn thicker.
function treeView(card) {
  const data = card.data;
  const W = 104, H = 26, BW = 92, BH = 20;
  const pos = new Map([[0, {x: 6, y: 6 + H * 0}]]);
  const best = data.translations[0];
  let winner = null;
  data.beam_steps.forEach((step, s) => step.forEach((n, i) => {
    pos.set(n.id, {x: 6 + W * (s + 1), y: 6 + H * i, n});
    if (n.finished && winner === null && Math.abs(n.score - best.score) < 1e-9 && s + 1 === best.tokens.target.length) winner = n.id;
  }));
  const onPath = new Set();
  for (let id = winner; id !== null && id !== 0; id = pos.get(id).n.parent) onPath.add(id);
  const rows = Math.max(1, ...data.beam_steps.map(s => s.length));
  const svg = svgEl('svg', {width: 12 + W * (data.beam_steps.length + 1), height: 12 + H * rows});
  for (const [id, p] of pos) {
    if (id === 0) continue;
    const q = pos.get(p.n.parent);
    svg.append(svgEl('path', {class: onPath.has(id) ? 'winner' : '',
      d: `M${q.x + BW} ${q.y + BH / 2} C${q.x + BW + 8} ${q.y + BH / 2} ${p.x - 8} ${p.y + BH / 2} ${p.x} ${p.y + BH / 2}`}));
  }
  for (const [id, p] of pos) {
    const g = svgEl('g', {class: 'node' + (p.n && p.n.finished ? ' finished' : '') + (onPath.has(id) ? ' winner' : ''),
      'data-id': id});
    g.append(svgEl('rect', {x: p.x, y: p.y, width: BW, height: BH, rx: 3}));
    const label = svgEl('text', {x: p.x + 4, y: p.y + 14});
    label.textContent = id === 0 ? '<s>' : `${p.n.token.slice(0, 7)} ${p.n.score.toFixed(2)}${p.n.finished ? ' ✓' : ''}`;
    const title = svgEl('title');
    title.textContent = id === 0 ? 'start' : `${p.n.token}: score ${p.n.score.toFixed(4)}, log p ${p.n.log_prob.toFixed(4)}` +
      (p.n.finished ? ', finished' : '');
    g.append(label, title);
    svg.append(g);
  }
  const details = el('details', {class: 'beam'}, el('summary', {}, `beam search tree (${data.beam_steps.length} steps, beam ${data.beam})`),
    el('div', {class: 'tree'}, svg));
  details.open = card.treeOpen;
  details.addEventListener('toggle', () => { card.treeOpen = details.open; });
  return details;
}

function render(card) {
  renderPanel(card.main, card, card.data, card.shown, card.shown === 0 ? 'Best translation' : `Translation ${card.shown + 1} of the n-best`);
  if (card.whatIf) {
    renderPanel(card.whatIfPanel, card, card.whatIf, 0, `What if “${card.whatIfToken}” at step ${card.whatIfStep + 1}`);
  }
  card.extras.replaceChildren(nBestView(card), treeView(card));
}

async function whatIf(card, data, step, token) {
  const prefix = data.translations[0].tokens.target.slice(0, step).concat([token]);
  card.whatIfPanel.replaceChildren(el('h3', {}, 'decoding…'));
  try {
    card.whatIf = await api('/explore', {q: card.sentence, model: card.model, beam: card.beam, prefix_tokens: prefix});
    card.whatIfToken = token;
    card.whatIfStep = step;
    render(card);
  } catch (e) {
    card.whatIfPanel.replaceChildren(el('div', {class: 'error'}, e.message));
  }
}

async function translateAll(event) {
  event.preventDefault();
  const button = document.getElementById('translate');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  const lines = document.getElementById('sentences').value.split('\n').map(s => s.trim()).filter(s => s);
  const model = document.getElementById('model').value;
  const beam = Number(document.getElementById('beam').value);
  results.replaceChildren();
  cards.length = 0;
  button.disabled = true;
  status.textContent = `translating ${lines.length} sentence(s)…`;
  for (const sentence of lines) {
    const card = {sentence, model, beam, shown: 0, nbestOpen: false, treeOpen: false,
      main: el('div', {class: 'panel main'}), whatIfPanel: el('div', {class: 'panel whatif'}), extras: el('div')};
    const node = el('section', {class: 'card'}, el('div', {class: 'source-line'}, sentence),
      el('div', {class: 'panels'}, card.main, card.whatIfPanel), card.extras);
    results.append(node);
    try {
      card.data = await api('/explore', {q: sentence, model, beam});
      cards.push(card);
      render(card);
    } catch (e) {
      node.append(el('div', {class: 'error'}, e.message));
    }
  }
  button.disabled = false;
  status.textContent = lines.length ? 'done' : 'type a sentence first';
}

async function start() {
  const select = document.getElementById('model');
  const beam = document.getElementById('beam');
  try {
    const models = await api('/models');
    models.forEach(m => select.append(el('option', {value: m.name}, `${m.name} (${m.source} → ${m.target})`)));
    const defaults = () => {
      const m = models.find(x => x.name === select.value);
      if (m && m.defaults) beam.value = m.defaults.beam;
    };
    select.addEventListener('change', defaults);
    defaults();
  } catch (e) {
    document.getElementById('status').textContent = 'cannot list the models: ' + e.message;
  }
  document.getElementById('request').addEventListener('submit', translateAll);
  document.querySelectorAll('input[name=view]').forEach(r => r.addEventListener('change', () => cards.forEach(render)));
  window.addEventListener('resize', () => cards.forEach(render));
}

start();
