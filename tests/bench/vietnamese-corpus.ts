/**
 * A deterministic generator of Vietnamese magazine text for benchmarks and crash tests.
 *
 * Common words follow a Zipf-like distribution (so "của", "và", "làng nghề" are in nearly every
 * article, as in the real magazine), while place, craft-village and person names are chosen per
 * article (so a name query hits a small share of the articles). Everything is NFC.
 */

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** Everyday words, most frequent first (one to three syllables each). */
export const COMMON_WORDS: readonly string[] = `
của|và|là|có|được|trong|các|những|một|cho|với|người|không|đã|này|đến|từ|khi|làng nghề|sản phẩm|
nghề|làng|cũng|như|nhiều|để|ra|về|thì|năm|còn|tại|theo|nên|đó|vào|nhưng|lại|rất|đều|hơn|
sản xuất|thủ công|truyền thống|nghệ nhân|phát triển|bà con|người dân|thị trường|kinh tế|gia đình|
thợ|xưởng|lò|gốm|gỗ|mây tre|sơn mài|lụa|dệt|thêu|đúc đồng|chạm khắc|khảm trai|nón lá|gạch|
chúng tôi|ông|bà|anh|chị|cụ|em|họ|mình|bao giờ|hiện nay|ngày nay|trước đây|xưa|mới|cũ|
huyện|xã|thôn|tỉnh|thành phố|vùng|miền|quê|đất|nước|sông|núi|đồng|ruộng|chợ|đình|chùa|
giá trị|văn hoá|lịch sử|di sản|bảo tồn|du lịch|khách|nước ngoài|xuất khẩu|đơn hàng|doanh nghiệp|
hợp tác xã|lao động|thu nhập|việc làm|công nhân|học nghề|truyền nghề|con cháu|thế hệ|tổ tiên|
nguyên liệu|đất sét|men|lửa|than|củi|tre|nứa|cói|tơ tằm|sợi|khung cửi|bàn xoay|khuôn|màu|
đẹp|tinh xảo|bền|khéo léo|tỉ mỉ|cần cù|vất vả|khó khăn|thuận lợi|nổi tiếng|độc đáo|riêng|
hàng|chiếc|bộ|sản lượng|mẫu mã|thương hiệu|chất lượng|giá|tiền|đồng|triệu|tỷ|nghìn|trăm|
làm|bán|mua|học|dạy|giữ|mở|đóng|nung|nặn|vẽ|phơi|nhuộm|đan|cắt|mài|đánh bóng|
tháng|ngày|mùa|Tết|lễ hội|sáng|chiều|tối|đêm|hôm nay|sau|trước|giữa|bên|trên|dưới|
chính quyền|Nhà nước|chính sách|hỗ trợ|vốn|vay|đầu tư|quy hoạch|cụm công nghiệp|môi trường|
ô nhiễm|xử lý|nước thải|khói|bụi|sức khoẻ|an toàn|công nghệ|máy móc|điện|internet|
thương mại điện tử|mạng xã hội|quảng bá|hội chợ|triển lãm|trưng bày|bảo tàng|giải thưởng|
Hiệp hội|Làng nghề Việt Nam|tạp chí|phóng viên|bài viết|câu chuyện|kỷ niệm|tình yêu|niềm tự hào|
cũng như|bởi vì|tuy nhiên|vì vậy|do đó|ngoài ra|đặc biệt|chẳng hạn|thậm chí|mặc dù|nếu|mà|
chỉ|đang|sẽ|vẫn|mãi|luôn|thường|hay|ít|nhỏ|lớn|dài|ngắn|cao|thấp|nhanh|chậm|khoảng|gần|xa|
tiếng|tên|chữ|nét|hoa văn|họa tiết|hình|dáng|men rạn|men lam|màu nâu|màu đỏ|ánh vàng|
thuyền|cầu|nhà|sân|vườn|bếp|mái|cột|kèo|cửa|bàn|ghế|tủ|giường|tượng|bình|chum|vại|ấm chén|
đôi tay|ánh mắt|nụ cười|giọng nói|mồ hôi|công sức|thời gian|cuộc sống|tương lai|hy vọng|
nghiên cứu|chuyên gia|trường|sinh viên|thanh niên|phụ nữ|trẻ em|người già|khách hàng|
ký kết|hội thảo|phát biểu|khai mạc|bế mạc|ban tổ chức|đại biểu|lãnh đạo|chủ tịch|giám đốc|
quyết định|kế hoạch|đề án|chương trình|dự án|mục tiêu|kết quả|thành công|thất bại|bài học|
phố cổ|ven sông|đồng bằng|trung du|miền núi|ven biển|Bắc Bộ|Trung Bộ|Nam Bộ|Tây Nguyên|
bền vững|sáng tạo|đổi mới|hội nhập|cạnh tranh|chuyển đổi số|tiêu chuẩn|chứng nhận|OCOP|
hương|trầm|nước mắm|bánh|kẹo|rượu|chè|cà phê|muối|mật ong|gạo|bún|phở|miến|nem|giò chả`
  .split('|')
  .map((w) => w.trim())
  .filter(Boolean);

export const PROVINCES: readonly string[] = `Hà Nội|Hải Phòng|Đà Nẵng|Huế|Cần Thơ|Thành phố Hồ Chí Minh|Bắc Ninh|Hưng Yên|Nam Định|
Thái Bình|Ninh Bình|Hà Nam|Hải Dương|Vĩnh Phúc|Phú Thọ|Thái Nguyên|Bắc Giang|Lạng Sơn|Quảng Ninh|Lào Cai|
Yên Bái|Tuyên Quang|Hà Giang|Cao Bằng|Bắc Kạn|Sơn La|Điện Biên|Lai Châu|Hoà Bình|Thanh Hoá|Nghệ An|
Hà Tĩnh|Quảng Bình|Quảng Trị|Quảng Nam|Quảng Ngãi|Bình Định|Phú Yên|Khánh Hoà|Ninh Thuận|Bình Thuận|
Kon Tum|Gia Lai|Đắk Lắk|Đắk Nông|Lâm Đồng|Bình Phước|Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa – Vũng Tàu|
Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang|Hậu Giang|Sóc Trăng|
Bạc Liêu|Cà Mau`
  .split('|')
  .map((w) => w.trim());

export const VILLAGES: readonly string[] = `Bát Tràng|Vạn Phúc|Đồng Kỵ|Phù Lãng|Chu Đậu|Thổ Hà|Đông Hồ|Hạ Thái|Chuông|
Phú Vinh|Kim Sơn|Tân Lập|Ngũ Xã|Đại Bái|Sơn Đồng|Chàng Sơn|Kiêu Kỵ|Quất Động|Xuân Lai|Vân Hà|Làng Ngòi|
Hương Canh|Thanh Hà|Kim Bồng|Phước Tích|Non Nước|Bàu Trúc|Mỹ Nghiệp|Tân Châu|Cái Mơn|Chợ Lách|
Đông Triều|Thủ Dương|La Phù|Triều Khúc|Đa Sỹ|Nhị Khê|Phú Xuyên|Chàng Thôn|Bình Đà|Hữu Bằng|Liên Hà|
Tam Sơn|Đình Bảng|Phù Khê|Mỹ Đồng|Cát Đằng|Kiêu Kỵ|Hải Triều|Dương Ổ|Phong Khê|Thanh Chương|Sa Đéc|
Lai Xá|Định Công|Yên Thái|Nam Cao|Phương Độ|Thụy Ứng|Đan Phượng|Thạch Xá|Tường Xá`
  .split('|')
  .map((w) => w.trim());

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đoàn', 'Lưu'];
const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Thu', 'Kim', 'Công', 'Đình', 'Bảo'];
const GIVEN = [
  'Đức', 'Hùng', 'Lan', 'Hương', 'Dũng', 'Tuấn', 'Hoa', 'Mai', 'Nga', 'Quý', 'Thắng', 'Trung', 'Khôi', 'Yến', 'Phượng', 'Đạt', 'Hiếu',
  'Nghĩa', 'Tâm', 'Sơn', 'Thuỷ', 'Vinh', 'Long', 'Hải', 'Quỳnh', 'Toàn', 'Việt', 'Cường', 'Hạnh', 'Ánh', 'Đông', 'Thảo', 'Liên', 'Lộc',
];

export function personName(rng: Rng): string {
  return `${pick(rng, SURNAMES)} ${pick(rng, MIDDLES)} ${pick(rng, GIVEN)}`;
}

export const SECTIONS: readonly string[] = ['Làng nghề', 'Nghệ nhân', 'Thị trường', 'Du lịch', 'Văn hoá', 'Chính sách', 'Doanh nghiệp', 'Ẩm thực'];

/** Cumulative Zipf weights over COMMON_WORDS, searched by binary search. */
const CUMULATIVE: number[] = (() => {
  let sum = 0;
  return COMMON_WORDS.map((_, i) => (sum += 1 / Math.pow(i + 1, 0.9)));
})();

export function commonWord(rng: Rng): string {
  const total = CUMULATIVE[CUMULATIVE.length - 1] as number;
  const x = rng() * total;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((CUMULATIVE[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return COMMON_WORDS[lo] as string;
}

export interface Topic {
  village: string;
  province: string;
  people: string[];
}

export function topic(rng: Rng): Topic {
  const people = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => personName(rng));
  return { village: pick(rng, VILLAGES), province: pick(rng, PROVINCES), people };
}

const countSyl = (s: string) => s.split(' ').length;

/** One sentence of roughly `target` syllables, with the topic's names sprinkled in. */
function sentence(rng: Rng, t: Topic, target: number): { text: string; syllables: number } {
  const words: string[] = [];
  let syllables = 0;
  while (syllables < target) {
    const r = rng();
    let w: string;
    if (r < 0.025) w = `làng ${t.village}`;
    else if (r < 0.035) w = `tỉnh ${t.province}`;
    else if (r < 0.045) w = `nghệ nhân ${pick(rng, t.people)}`;
    else if (r < 0.047) w = String(1900 + Math.floor(rng() * 126));
    else w = commonWord(rng);
    words.push(w);
    syllables += countSyl(w);
  }
  let text = words.join(' ');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  const end = rng() < 0.1 ? '!' : rng() < 0.1 ? '?' : '.';
  if (words.length > 8 && rng() < 0.5) {
    const cut = text.indexOf(' ', Math.floor(text.length / 2));
    if (cut > 0) text = `${text.slice(0, cut)},${text.slice(cut)}`;
  }
  return { text: text + end, syllables };
}

/** Paragraphs totalling about `syllables` syllables (editors' "chữ"). */
export function paragraphs(rng: Rng, t: Topic, syllables: number): string[] {
  const out: string[] = [];
  let total = 0;
  while (total < syllables) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(rng() * 4);
    for (let i = 0; i < count && total < syllables; i++) {
      const s = sentence(rng, t, Math.min(syllables - total, 8 + Math.floor(rng() * 18)));
      sentences.push(s.text);
      total += s.syllables;
    }
    out.push(sentences.join(' '));
  }
  return out;
}

export interface GeneratedArticle {
  title: string;
  kicker: string;
  sapo: string;
  paragraphs: string[];
  byline: string;
  tags: string[];
  section: string;
}

export function article(rng: Rng, syllables: number): GeneratedArticle {
  const t = topic(rng);
  const craft = pick(rng, ['gốm', 'gỗ', 'mây tre', 'sơn mài', 'lụa', 'đúc đồng', 'nón lá', 'khảm trai', 'chạm khắc', 'dệt thổ cẩm', 'tranh dân gian']);
  const title = pick(rng, [
    `Làng ${craft} ${t.village} giữ lửa nghề`,
    `${t.village}: ${craft} vươn ra thị trường`,
    `Nghệ nhân ${t.people[0]} và nghề ${craft} ở ${t.province}`,
    `Đưa sản phẩm ${craft} ${t.village} lên sàn thương mại điện tử`,
    `${t.province} bảo tồn làng nghề ${craft}`,
    `Mùa ${craft} ở ${t.village}, ${t.province}`,
  ]);
  const sapo = `LNV - ${sentence(rng, t, 30).text} ${sentence(rng, t, 20).text}`;
  return {
    title,
    kicker: pick(rng, ['Làng nghề', 'Phóng sự', 'Chân dung', 'Thời sự', 'Ghi chép']),
    sapo,
    paragraphs: paragraphs(rng, t, syllables),
    byline: personName(rng),
    tags: [craft, t.village, t.province].slice(0, 1 + Math.floor(rng() * 3)),
    section: pick(rng, SECTIONS),
  };
}

/** Search queries as people type them: 1–3 words, often without marks, upper case, đ typed as d, names. */
export function queries(rng: Rng, count: number): string[] {
  const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 8;
    let q: string;
    if (kind === 0) q = pick(rng, VILLAGES);
    else if (kind === 1) q = strip(pick(rng, VILLAGES)).toLowerCase();
    else if (kind === 2) q = personName(rng);
    else if (kind === 3) q = strip(pick(rng, PROVINCES)).toUpperCase();
    else if (kind === 4) q = commonWord(rng);
    else if (kind === 5) q = `${commonWord(rng)} ${pick(rng, VILLAGES)}`;
    else if (kind === 6) q = strip(`${pick(rng, ['gốm', 'lụa', 'đúc đồng', 'sơn mài', 'nón lá'])} ${pick(rng, PROVINCES)}`);
    else q = strip(personName(rng)).toLowerCase();
    // Keep queries to at most three words, as typed.
    out.push(q.split(' ').slice(0, 3).join(' '));
  }
  return out;
}
