// Our properties provider: the panel edits what the engine reads (docs/adr/0002-binding.md).
//  - user tasks and start events: spiffworkflow properties formKey, handler, agency (+ startedBy)
//  - lanes: the role, kept in the lane id as lane_<role>
//  - the process (or its pool): settings, one process-level property per line "name = value"
//  - sequence flows: the condition (a Python expression run in the sandbox)
//  - script tasks: the script; call activities: the called process
// Ids, names, documentation and timers come with the stock BPMN provider.
import { Group, SelectEntry, TextAreaEntry, TextFieldEntry,
         isSelectEntryEdited, isTextAreaEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

const LANE_PREFIX = 'lane_';

// -- spiffworkflow:properties helpers ---------------------------------------------------------
function propertiesOf(bo) {
  const ext = bo && bo.get('extensionElements');
  return ext && (ext.get('values') || []).find((v) => is(v, 'spiffworkflow:Properties'));
}

export function getSpiffProperty(bo, name) {
  const props = propertiesOf(bo);
  const prop = props && (props.get('values') || []).find((p) => p.get('name') === name);
  return prop ? prop.get('value') : undefined;
}

function ensureProperties(element, bo, bpmnFactory, modeling) {
  let ext = bo.get('extensionElements');
  if (!ext) {
    ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    ext.$parent = bo;
    modeling.updateModdleProperties(element, bo, { extensionElements: ext });
  }
  let props = propertiesOf(bo);
  if (!props) {
    props = bpmnFactory.create('spiffworkflow:Properties', { values: [] });
    props.$parent = ext;
    modeling.updateModdleProperties(element, ext, { values: [...(ext.get('values') || []), props] });
  }
  return props;
}

export function setSpiffProperty(element, bo, name, value, bpmnFactory, modeling) {
  value = (value || '').trim();
  const existing = propertiesOf(bo);
  const prop = existing && (existing.get('values') || []).find((p) => p.get('name') === name);
  if (!value) {
    if (prop) {
      modeling.updateModdleProperties(element, existing, { values: existing.get('values').filter((p) => p !== prop) });
    }
    return;
  }
  if (prop) {
    modeling.updateModdleProperties(element, prop, { value });
    return;
  }
  const props = ensureProperties(element, bo, bpmnFactory, modeling);
  const created = bpmnFactory.create('spiffworkflow:Property', { name, value });
  created.$parent = props;
  modeling.updateModdleProperties(element, props, { values: [...(props.get('values') || []), created] });
}

function processOf(element) {
  const bo = getBusinessObject(element);
  if (is(bo, 'bpmn:Participant')) return bo.get('processRef');
  if (is(bo, 'bpmn:Process')) return bo;
  return null;
}

// -- entry components ---------------------------------------------------------------------------
function SpiffPropertyEntry(props) {
  const { element, id, name, label, description, options } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);
  const getValue = () => getSpiffProperty(bo, name) || '';
  const setValue = (value) => setSpiffProperty(element, bo, name, value, bpmnFactory, modeling);
  if (options) {
    const getOptions = () => {
      const current = getValue();
      const list = [{ value: '', label: '(không chọn)' }, ...options];
      if (current && !options.some((o) => o.value === current)) {
        list.push({ value: current, label: `${current} (không tồn tại)` });
      }
      return list;
    };
    return SelectEntry({ element, id, label, description, getValue, setValue, getOptions });
  }
  return TextFieldEntry({ element, id, label, description, getValue, setValue, debounce });
}

function LaneRoleEntry(props) {
  const { element, id, roles } = props;
  const modeling = useService('modeling');
  const elementRegistry = useService('elementRegistry');
  const getValue = () => {
    const laneId = element.id || '';
    return laneId.startsWith(LANE_PREFIX) ? laneId.slice(LANE_PREFIX.length) : '';
  };
  const setValue = (role) => {
    if (!role) return;
    const newId = LANE_PREFIX + role;
    if (newId === element.id) return;
    if (elementRegistry.get(newId)) {
      window.alert(`Đã có làn '${newId}'. Mỗi vai trò chỉ có một làn trong quy trình.`);
      return;
    }
    modeling.updateProperties(element, { id: newId });
  };
  const getOptions = () => {
    const list = [{ value: '', label: '(chưa gắn vai trò)' }, ...roles];
    const current = getValue();
    if (current && !roles.some((r) => r.value === current)) list.push({ value: current, label: `${current} (không tồn tại)` });
    return list;
  };
  return SelectEntry({ element, id, label: 'Vai trò của làn',
    description: 'Mã làn là lane_<vai trò>: người có vai trò này làm các nhiệm vụ trong làn.',
    getValue, setValue, getOptions });
}

function SettingsEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const process = processOf(element);
  const getValue = () => {
    const p = propertiesOf(process);
    return p ? (p.get('values') || []).map((v) => `${v.get('name')} = ${v.get('value')}`).join('\n') : '';
  };
  const setValue = (text) => {
    const wanted = (text || '').split('\n').map((line) => line.split('=')).filter((parts) => parts.length >= 2 && parts[0].trim())
      .map(([key, ...rest]) => ({ name: key.trim(), value: rest.join('=').trim() }));
    const props = ensureProperties(element, process, bpmnFactory, modeling);
    const values = wanted.map(({ name, value }) => {
      const created = bpmnFactory.create('spiffworkflow:Property', { name, value });
      created.$parent = props;
      return created;
    });
    modeling.updateModdleProperties(element, props, { values });
  };
  return TextAreaEntry({ element, id, label: 'Tham số quy trình (thời hạn...)', rows: 6, debounce, getValue, setValue,
    description: 'Mỗi dòng một tham số: tên = giá trị, ví dụ intake_days = 3. Hẹn giờ đọc bằng days(settings["intake_days"]).' });
}

function ConditionEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);
  const getValue = () => (bo.get('conditionExpression') && bo.get('conditionExpression').get('body')) || '';
  const setValue = (value) => {
    value = (value || '').trim();
    let expression;
    if (value) {
      expression = bpmnFactory.create('bpmn:FormalExpression', { body: value });
      expression.$parent = bo;
    }
    modeling.updateModdleProperties(element, bo, { conditionExpression: expression });
  };
  return TextAreaEntry({ element, id, label: 'Điều kiện', rows: 2, debounce, getValue, setValue,
    description: 'Biểu thức Python trên dữ liệu hồ sơ, ví dụ decision_outcome == "tu_choi".' });
}

function ScriptEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);
  return TextAreaEntry({ element, id, label: 'Kịch bản (Python, chạy trong môi trường kiểm soát)', rows: 6, debounce,
    getValue: () => bo.get('script') || '',
    setValue: (value) => modeling.updateModdleProperties(element, bo, { script: value || undefined, scriptFormat: 'python' }),
    description: 'Không import, không while, không tên bắt đầu bằng "_".' });
}

function CalledElementEntry(props) {
  const { element, id, processes } = props;
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  const getValue = () => bo.get('calledElement') || '';
  const getOptions = () => {
    const list = [{ value: '', label: '(chưa chọn)' }, ...processes];
    const current = getValue();
    if (current && !processes.some((p) => p.value === current)) list.push({ value: current, label: `${current} (chưa triển khai)` });
    return list;
  };
  return SelectEntry({ element, id, label: 'Quy trình được gọi', getValue, getOptions,
    setValue: (value) => modeling.updateModdleProperties(element, bo, { calledElement: value || undefined }) });
}

// -- the provider -------------------------------------------------------------------------------
export default function SpiffPropertiesProvider(propertiesPanel, config) {
  const reference = (config && config.reference) || { roles: [], forms: [], handlers: [], processes: [] };
  const roles = reference.roles.map((r) => ({ value: r.id, label: `${r.title} (${r.id})` }));
  const formOptions = reference.forms.map((f) => ({ value: f.key, label: `${f.title} (${f.key})` }));
  const handlerOptions = reference.handlers.map((h) => ({ value: h.name, label: h.title ? `${h.title} (${h.name})` : h.name }));
  const processOptions = reference.processes.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }));

  this.getGroups = function (element) {
    return function (groups) {
      const entries = [];
      const bo = getBusinessObject(element);
      if (is(bo, 'bpmn:UserTask') || is(bo, 'bpmn:StartEvent')) {
        entries.push({ id: 'spiff-formKey', component: SpiffPropertyEntry, isEdited: isSelectEntryEdited,
          name: 'formKey', label: 'Biểu mẫu (formKey)', options: formOptions,
          description: is(bo, 'bpmn:StartEvent') ? 'Biểu mẫu khởi tạo hồ sơ (bỏ trống cho quy trình chỉ được gọi).' : undefined });
        entries.push({ id: 'spiff-handler', component: SpiffPropertyEntry, isEdited: isSelectEntryEdited,
          name: 'handler', label: 'Bộ xử lý (handler)', options: handlerOptions });
        if (is(bo, 'bpmn:UserTask')) {
          entries.push({ id: 'spiff-agency', component: SpiffPropertyEntry, isEdited: isTextFieldEntryEdited,
            name: 'agency', label: 'Biến chứa cơ quan xử lý (agency)',
            description: 'Tên biến trong dữ liệu hồ sơ chứa mã cơ quan; mặc định competent_agency.' });
        } else {
          entries.push({ id: 'spiff-startedBy', component: SpiffPropertyEntry, isEdited: isTextFieldEntryEdited,
            name: 'startedBy', label: 'Vai trò khác được khởi tạo (startedBy)',
            description: 'Các vai trò cách nhau bởi dấu phẩy, ngoài vai trò của làn.' });
        }
      }
      if (is(bo, 'bpmn:Lane')) {
        entries.push({ id: 'spiff-laneRole', component: LaneRoleEntry, isEdited: isSelectEntryEdited, roles });
      }
      if (processOf(element)) {
        entries.push({ id: 'spiff-settings', component: SettingsEntry, isEdited: isTextAreaEntryEdited });
      }
      if (is(bo, 'bpmn:SequenceFlow')) {
        const source = bo.get('sourceRef');
        const isDefault = source && source.get && source.get('default') === bo;
        if (!isDefault && !is(source, 'bpmn:ParallelGateway')) {
          entries.push({ id: 'spiff-condition', component: ConditionEntry, isEdited: isTextAreaEntryEdited });
        }
      }
      if (is(bo, 'bpmn:ScriptTask')) {
        entries.push({ id: 'spiff-script', component: ScriptEntry, isEdited: isTextAreaEntryEdited });
      }
      if (is(bo, 'bpmn:CallActivity')) {
        entries.push({ id: 'spiff-calledElement', component: CalledElementEntry, isEdited: isSelectEntryEdited,
          processes: processOptions });
      }
      if (entries.length) {
        const group = { id: 'spiffworkflow', label: 'Thực thi (hệ thống)', component: Group, entries };
        const general = groups.findIndex((g) => g.id === 'general');
        groups.splice(general + 1, 0, group);
      }
      return groups;
    };
  };
  propertiesPanel.registerProvider(500, this);
}

SpiffPropertiesProvider.$inject = ['propertiesPanel', 'config.designer'];
