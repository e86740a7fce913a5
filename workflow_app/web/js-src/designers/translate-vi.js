// Vietnamese labels for the modeler (palette, context pad, replace menu, properties panel).
// Strings without a translation stay in English.
const VI = {
  'Activate hand tool': 'Công cụ kéo', 'Activate lasso tool': 'Chọn vùng (lasso)',
  'Activate create/remove space tool': 'Thêm/bớt khoảng trống', 'Activate global connect tool': 'Công cụ nối',
  'Create start event': 'Tạo sự kiện bắt đầu', 'Create end event': 'Tạo sự kiện kết thúc',
  'Create intermediate/boundary event': 'Tạo sự kiện trung gian/biên', 'Create task': 'Tạo nhiệm vụ',
  'Create gateway': 'Tạo cổng rẽ nhánh', 'Create expanded sub-process': 'Tạo quy trình con',
  'Create pool/participant': 'Tạo bể (pool)', 'Create data object reference': 'Tạo đối tượng dữ liệu',
  'Create data store reference': 'Tạo kho dữ liệu', 'Create group': 'Tạo nhóm',
  'Append task': 'Nối thêm nhiệm vụ', 'Append end event': 'Nối sự kiện kết thúc', 'Append gateway': 'Nối cổng rẽ nhánh',
  'Append intermediate/boundary event': 'Nối sự kiện trung gian', 'Append text annotation': 'Thêm chú thích',
  'Change element': 'Đổi loại phần tử', 'Change type': 'Đổi loại', 'Delete': 'Xóa',
  'Connect using sequence/message flow or association': 'Nối bằng luồng',
  'Connect to other element': 'Nối tới phần tử khác', 'Connect using association': 'Nối bằng liên kết',
  'Connect using data input association': 'Nối dữ liệu vào',
  'Add lane above': 'Thêm làn phía trên', 'Add lane below': 'Thêm làn phía dưới',
  'Divide into two lanes': 'Chia thành hai làn', 'Divide into three lanes': 'Chia thành ba làn',
  'User task': 'Nhiệm vụ người dùng', 'Script task': 'Nhiệm vụ kịch bản', 'Task': 'Nhiệm vụ',
  'Call activity': 'Gọi quy trình', 'Exclusive gateway': 'Cổng loại trừ', 'Parallel gateway': 'Cổng song song',
  'Inclusive gateway': 'Cổng bao hàm', 'Start event': 'Sự kiện bắt đầu', 'End event': 'Sự kiện kết thúc',
  'Timer boundary event': 'Sự kiện biên hẹn giờ', 'Timer boundary event (non-interrupting)': 'Hẹn giờ biên (không ngắt)',
  'General': 'Chung', 'Name': 'Tên', 'ID': 'Mã (ID)', 'Documentation': 'Mô tả', 'Element documentation': 'Mô tả phần tử',
  'Process documentation': 'Mô tả quy trình', 'Timer': 'Hẹn giờ', 'Type': 'Loại', 'Date': 'Thời điểm',
  'Duration': 'Thời hạn', 'Cycle': 'Chu kỳ', 'Value': 'Giá trị', '<none>': '<không có>',
  'Process ID': 'Mã quy trình', 'Participant Name': 'Tên bể (pool)', 'Participant ID': 'Mã bể (pool)',
  'Participant': 'Bể (pool)', 'Lane': 'Làn', 'Sequence flow': 'Luồng', 'Collaboration': 'Cộng tác',
  'Input collection': 'Danh sách đầu vào', 'Output collection': 'Danh sách kết quả',
  'Input element': 'Phần tử đầu vào', 'Output element': 'Phần tử kết quả', 'Completion condition': 'Điều kiện hoàn thành',
  'Loop cardinality': 'Số lần lặp', 'Process name': 'Tên quy trình', 'Executable': 'Thực thi được',
  'Multi-instance': 'Nhiều phiên bản', 'Message': 'Thông điệp', 'Search in diagram': 'Tìm trong sơ đồ',
  'Element must have an unique id.': 'Mã phần tử phải là duy nhất.', 'ID must not be empty.': 'Mã không được trống.',
  'ID must not contain spaces.': 'Mã không được chứa khoảng trắng.',
  'ID must be a valid QName.': 'Mã không hợp lệ (chỉ chữ, số, _ và -, không bắt đầu bằng số).',
};

export default function translateVi(template, replacements) {
  replacements = replacements || {};
  const text = VI[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] || `{${key}}`);
}
