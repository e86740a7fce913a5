// The modeler page: load a diagram, save drafts, validate (markers + list), deploy, dry run.
// Everything it needs comes from data-* attributes of #designer (strict CSP: no inline script).
(function () {
  'use strict';

  const root = document.getElementById('designer');
  if (!root || !window.DesignerModeler) return;
  const cfg = root.dataset;
  const $ = (id) => document.getElementById(id);
  const status = $('designer-status');
  let draftId = cfg.draftId ? Number(cfg.draftId) : null;
  let dirty = false;
  let modeler = null;
  let problemIds = [];
  let pathIds = [];

  function say(text, kind) {
    status.textContent = text;
    status.className = 'designer-status' + (kind ? ' ' + kind : '');
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': cfg.csrf, Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data: data || {} };
  }

  async function currentXml() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // -- markers ----------------------------------------------------------------------------------
  function clearProblems() {
    const canvas = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    problemIds.forEach((id) => { try { canvas.removeMarker(id, 'designer-problem'); } catch (e) { /* gone */ } });
    overlays.remove({ type: 'designer-problem' });
    problemIds = [];
  }

  function showProblems(problems) {
    clearProblems();
    const list = $('problems-list');
    const summary = $('problems-summary');
    list.replaceChildren();
    const registry = modeler.get('elementRegistry');
    const canvas = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    const counts = {};
    problems.forEach((p) => { if (p.element_id) counts[p.element_id] = (counts[p.element_id] || []).concat(p.message); });
    Object.entries(counts).forEach(([id, messages]) => {
      const element = registry.get(id);
      if (!element) return;
      canvas.addMarker(id, 'designer-problem');
      problemIds.push(id);
      const badge = el('div', { class: 'problem-badge', title: messages.join('\n'), 'data-element-id': id }, String(messages.length));
      overlays.add(id, 'designer-problem', { position: { top: -10, right: 10 }, html: badge });
    });
    if (!problems.length) {
      summary.textContent = 'Sơ đồ hợp lệ: không có lỗi.';
      summary.className = 'ok';
      return;
    }
    summary.textContent = `Có ${problems.length} lỗi cần sửa trước khi triển khai:`;
    summary.className = 'error';
    problems.forEach((p) => {
      const item = el('li');
      const element = p.element_id && registry.get(p.element_id);
      const name = element && element.businessObject.name;
      const button = el('button', { type: 'button', class: 'problem-link' });
      if (name) button.append(el('strong', {}, name), document.createTextNode(' '));
      if (p.element_id) button.append(el('code', {}, `(${p.element_id})`), document.createTextNode(': '));
      button.append(document.createTextNode(p.message));
      button.addEventListener('click', () => {
        const element = p.element_id && registry.get(p.element_id);
        if (element) {
          modeler.get('selection').select(element);
          canvas.scrollToElement(element);
        }
      });
      item.append(button);
      list.append(item);
    });
  }

  function clearPath() {
    const canvas = modeler.get('canvas');
    pathIds.forEach((id) => ['dry-run-path', 'dry-run-waiting', 'dry-run-error']
      .forEach((m) => { try { canvas.removeMarker(id, m); } catch (e) { /* gone */ } }));
    pathIds = [];
  }

  function mark(id, marker) {
    if (modeler.get('elementRegistry').get(id)) {
      modeler.get('canvas').addMarker(id, marker);
      pathIds.push(id);
    }
  }

  // -- actions ----------------------------------------------------------------------------------
  async function validate() {
    say('Đang kiểm tra sơ đồ…');
    const { status: code, data } = await post(cfg.validate, { xml: await currentXml() });
    if (code !== 200) {
      say(data.message || `Không kiểm tra được (mã ${code}).`, 'error');
      return null;
    }
    showProblems(data.problems || []);
    say(data.valid ? 'Sơ đồ hợp lệ.' : `Sơ đồ có ${data.problems.length} lỗi.`, data.valid ? 'ok' : 'error');
    return data;
  }

  async function save() {
    say('Đang lưu bản nháp…');
    const { status: code, data } = await post(cfg.save, {
      xml: await currentXml(), comment: $('designer-comment').value, draft_id: draftId });
    if (code !== 200) {
      say(data.message || `Không lưu được (mã ${code}).`, 'error');
      return;
    }
    draftId = data.id;
    root.dataset.draftId = String(draftId);
    dirty = false;
    if (window.history && data.url) window.history.replaceState(null, '', data.url);
    const saved = `Đã lưu bản nháp số ${data.id}.`;
    const result = await validate();
    if (result) say(result.valid ? `${saved} Sơ đồ hợp lệ.` : `${saved} Sơ đồ còn ${result.problems.length} lỗi.`,
      result.valid ? 'ok' : 'error');
  }

  async function deploy() {
    const out = $('deploy-result');
    const comment = $('designer-comment').value.trim();
    if (!comment) {
      out.textContent = 'Hãy ghi chú nội dung thay đổi trước khi triển khai.';
      out.className = 'deploy-result error';
      $('designer-comment').focus();
      return;
    }
    out.textContent = 'Đang triển khai…';
    out.className = 'deploy-result';
    const { status: code, data } = await post(cfg.deploy, { xml: await currentXml(), comment, draft_id: draftId });
    if (code === 201 || code === 200) {
      showProblems([]);
      dirty = false;
      if (code === 201) draftId = null;
      out.replaceChildren(document.createTextNode(code === 201 ?
        `Đã triển khai phiên bản ${data.version} của quy trình ${data.process_id}. Hồ sơ mới sẽ dùng phiên bản này. ` :
        `Không có thay đổi: sơ đồ trùng phiên bản ${data.version}. `),
        el('a', { href: data.versions_url }, 'Xem các phiên bản'));
      out.className = 'deploy-result ok';
      const subtitle = $('designer-version');
      if (subtitle) subtitle.textContent = `phiên bản ${data.version} (đang áp dụng)`;
      say(out.firstChild.textContent, 'ok');
      return;
    }
    if (code === 422 && data.problems) {
      showProblems(data.problems);
      out.textContent = `Chưa triển khai: sơ đồ có ${data.problems.length} lỗi (xem “Kết quả kiểm tra”).`;
    } else {
      out.textContent = data.message || `Không triển khai được (mã ${code}).`;
    }
    out.className = 'deploy-result error';
  }

  function userTaskSkeleton() {
    const answers = {};
    modeler.get('elementRegistry').filter((e) => e.type === 'bpmn:UserTask')
      .forEach((e) => { answers[e.id] = {}; });
    return JSON.stringify(answers, null, 2);
  }

  function parseJson(id, label) {
    try {
      const value = JSON.parse($(id).value || '{}');
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
      return value;
    } catch (e) {
      throw new Error(`${label} không phải là một đối tượng JSON hợp lệ.`);
    }
  }

  async function dryRun() {
    const out = $('dry-result');
    out.replaceChildren();
    let data, answers;
    try {
      data = parseJson('dry-data', 'Dữ liệu khởi tạo');
      answers = parseJson('dry-answers', 'Câu trả lời');
    } catch (e) {
      out.append(el('p', { class: 'error' }, e.message));
      return;
    }
    out.append(el('p', {}, 'Đang chạy thử…'));
    const { status: code, data: result } = await post(cfg.dryRun, { bpmn: await currentXml(), data, answers });
    out.replaceChildren();
    clearPath();
    if (code !== 200) {
      if (result.problems) showProblems(result.problems);
      out.append(el('p', { class: 'error' }, result.message || `Không chạy thử được (mã ${code}).`));
      return;
    }
    (result.path || []).forEach((id) => mark(id, 'dry-run-path'));
    (result.flows || []).forEach((id) => mark(id, 'dry-run-path'));
    (result.waiting_on || []).forEach((id) => mark(id, 'dry-run-waiting'));
    if (result.error_element_id) mark(result.error_element_id, 'dry-run-error');
    const titles = { completed: 'Kết thúc', running: 'Đang chờ nhiệm vụ người dùng', waiting: 'Đang chờ hẹn giờ hoặc thông điệp',
      error: 'Gặp sự cố' };
    out.append(el('p', { class: result.status === 'error' ? 'error' : 'ok' },
      `Trạng thái: ${titles[result.status] || result.status}.`));
    if (result.error) out.append(el('p', { class: 'error' }, result.error));
    const steps = el('ol', { class: 'dry-steps' });
    (result.steps || []).forEach((s) => {
      const item = el('li', {}, `${s.name} `);
      item.append(el('code', {}, `(${s.element_id})`));
      steps.append(item);
    });
    out.append(el('p', {}, 'Đường đi:'), steps);
    if ((result.waiting || []).length) {
      out.append(el('p', {}, 'Đang chờ: ' + result.waiting.map((w) => `${w.name} (${w.element_id})`).join(', ') +
        ' — thêm câu trả lời cho nhiệm vụ này để đi tiếp.'));
    }
    say('Đã chạy thử: đường đi được tô xanh trên sơ đồ.', 'ok');
  }

  async function download() {
    const blob = new Blob([await currentXml()], { type: 'application/xml' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'quy_trinh.bpmn' });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function guard(fn) {
    return async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try { await fn(); } catch (e) { say(`Lỗi: ${e.message}`, 'error'); } finally { button.disabled = false; }
    };
  }

  // -- start ------------------------------------------------------------------------------------
  async function start() {
    let reference = { roles: [], forms: [], handlers: [], processes: [] };
    try {
      const response = await fetch(cfg.reference, { credentials: 'same-origin' });
      if (response.ok) reference = await response.json();
    } catch (e) { /* the panel works without the lists */ }
    modeler = window.DesignerModeler.create({ container: '#canvas', propertiesParent: '#properties', reference });
    window.designer = { modeler, validate, save };      // for tests and the browser console
    const response = await fetch(cfg.source, { credentials: 'same-origin' });
    if (!response.ok) {
      say(`Không tải được sơ đồ (mã ${response.status}).`, 'error');
      return;
    }
    const { warnings } = await modeler.importXML(await response.text());
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    modeler.on('commandStack.changed', () => { dirty = true; });
    say(warnings && warnings.length ? `Đã tải sơ đồ (${warnings.length} cảnh báo khi đọc).` :
      'Đã tải sơ đồ. Chọn một phần tử để sửa thuộc tính ở khung bên phải.');
    $('btn-save').addEventListener('click', guard(save));
    $('btn-validate').addEventListener('click', guard(validate));
    $('btn-deploy').addEventListener('click', guard(deploy));
    $('btn-dry-run').addEventListener('click', guard(dryRun));
    $('btn-download').addEventListener('click', guard(download));
    $('btn-dry-clear').addEventListener('click', () => { clearPath(); $('dry-result').replaceChildren(); });
    $('btn-dry-run-toggle').addEventListener('click', (event) => {
      const panel = $('dry-run');
      panel.hidden = !panel.hidden;
      event.currentTarget.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden && $('dry-answers').value.trim() === '{}') $('dry-answers').value = userTaskSkeleton();
    });
    window.addEventListener('beforeunload', (event) => {
      if (dirty) { event.preventDefault(); event.returnValue = ''; }
    });
    root.dataset.ready = 'true';
  }

  start().catch((e) => say(`Không mở được trình thiết kế: ${e.message}`, 'error'));
}());
