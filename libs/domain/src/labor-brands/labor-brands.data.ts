import type { LaborBrand } from './labor-brands';

/**
 * Seeded 劳务品牌 (labour brands, policy 四). Codes are stable lowercase-kebab pinyin; once published
 * (jobs and workers store them) a code is never renamed or reused.
 *
 * `regionCode` is the brand's origin as the brand itself names it (a county when the brand is a
 * county's, else its prefecture or province), checked against the GB/T 2260 table of
 * libs/domain/regions (labor-brands.spec.ts fails on an unknown code). `trade` is the trade the
 * brand is known for, in a small vocabulary (家政服务, 建筑施工, 餐饮, 护理, 制造, 手工艺, 农业,
 * 运输, 文化旅游, 纺织服装, 养生保健).
 *
 * Sources (public reports; the brand names as published):
 * [A] 人社部 / 中央广播电视总台 / 国家乡村振兴局 全国劳务品牌发展大会 (2022), as reported by 湖北省人社
 *     (https://wucea.com/news/2196.html): 潜江裁缝, 潜江龙虾工, 孝感米酒师, 恩施茶艺师, 大冶金牛客,
 *     洪山菜薹种植师, 蕲春艾灸师, 恩施一红一绿制茶师, 大冶殷祖古建师, 襄阳牛肉面师, 阳新鞋匠.
 * [B] 湖北日报 2024-05 "荆门十大劳务品牌" (https://jsycwl.cn/xinwenzixun/xingyezixun/428.html):
 *     钟祥石牌豆腐郎, 东宝馅饼哥, 京山对节白蜡园艺师, 东宝护工, 掇刀叉车工.
 * [C] 2024 全国劳务协作暨劳务品牌发展大会, 长沙 (https://m.hnmsw.com/show_articlemobile.php?articleID=258604):
 *     电力湘军, 张家界导游, 沙坪湘绣工, 兰州拉面师, 莫干山民宿管家, 宜章光电制造工.
 * [D] 工人日报 2023-11, 青海 (https://e-chinaedu.cn/html/jiuyexinxi/2023/11-03/c_118286.shtml):
 *     丹噶尔绣娘, 互助家政, 化隆牛肉面, 互助土族盘绣, 海西枸杞采摘.
 * [E] 中国甘肃在线 2023-10-24 (http://m.jitongbianyaqi.com/news/shizhou/longnan/2023/10/24/169816105195545.html):
 *     礼贤妹 ("全国脱贫地区特色劳务品牌", 2023 全国劳务协作暨劳务品牌发展大会, 银川).
 * [F] Brands named in 人社部's labour-brand work (人社部发〔2021〕66号 《关于推进劳务品牌建设的指导意见》
 *     cites 川妹子, 吕梁山护工 …) and widely reported by provincial 人社 departments and the press;
 *     not re-checked against a list in this change, so each carries [F] and is a candidate for review:
 *     川妹子, 凉山建工, 湘西边城家政 …, 粤菜师傅, 南粤家政, 广东技工 (广东's three projects) and the rest so marked.
 */
// prettier-ignore
export const LABOR_BRAND_DEFINITIONS: readonly LaborBrand[] = [
  // ---- [F] kept first: these two codes were published by the skeleton ----
  { code: 'chuan-mei-zi', name: '川妹子', regionCode: '510000', trade: '家政服务', keywords: ['川妹子家政'] },
  { code: 'liangshan-jiangong', name: '凉山建工', regionCode: '513400', trade: '建筑施工', keywords: [] },
  // ---- [A] 湖北, 全国劳务品牌发展大会 2022 ----
  { code: 'qianjiang-caifeng', name: '潜江裁缝', regionCode: '429005', trade: '纺织服装', keywords: [] },
  { code: 'qianjiang-longxia-gong', name: '潜江龙虾工', regionCode: '429005', trade: '餐饮', keywords: ['潜江龙虾厨师', '潜江龙虾'] },
  { code: 'xiaogan-mijiu-shi', name: '孝感米酒师', regionCode: '420900', trade: '餐饮', keywords: ['孝感米酒'] },
  { code: 'enshi-chayi-shi', name: '恩施茶艺师', regionCode: '422800', trade: '农业', keywords: [] },
  { code: 'enshi-yihong-yilv-zhicha-shi', name: '恩施一红一绿制茶师', regionCode: '422800', trade: '农业', keywords: ['恩施制茶师'] },
  { code: 'daye-jinniu-ke', name: '大冶金牛客', regionCode: '420281', trade: '建筑施工', keywords: [] },
  { code: 'daye-yinzu-gujian-shi', name: '大冶殷祖古建师', regionCode: '420281', trade: '建筑施工', keywords: ['殷祖古建'] },
  { code: 'hongshan-caitai-zhongzhi-shi', name: '洪山菜薹种植师', regionCode: '420111', trade: '农业', keywords: ['洪山菜薹'] },
  { code: 'qichun-aijiu-shi', name: '蕲春艾灸师', regionCode: '421126', trade: '养生保健', keywords: ['蕲春艾灸'] },
  { code: 'xiangyang-niuroumian-shi', name: '襄阳牛肉面师', regionCode: '420600', trade: '餐饮', keywords: ['襄阳牛肉面'] },
  { code: 'yangxin-xiejiang', name: '阳新鞋匠', regionCode: '420222', trade: '制造', keywords: [] },
  // ---- [B] 荆门 ----
  { code: 'zhongxiang-shipai-doufu-lang', name: '钟祥石牌豆腐郎', regionCode: '420881', trade: '餐饮', keywords: ['石牌豆腐'] },
  { code: 'dongbao-xianbing-ge', name: '东宝馅饼哥', regionCode: '420802', trade: '餐饮', keywords: ['东宝矮子馅饼'] },
  { code: 'jingshan-duijie-baila-yuanyi-shi', name: '京山对节白蜡园艺师', regionCode: '420882', trade: '农业', keywords: ['对节白蜡'] },
  { code: 'dongbao-hugong', name: '东宝护工', regionCode: '420802', trade: '护理', keywords: [] },
  { code: 'duodao-chache-gong', name: '掇刀叉车工', regionCode: '420804', trade: '运输', keywords: [] },
  // ---- [C] 2024 大会, 长沙 ----
  { code: 'dianli-xiangjun', name: '电力湘军', regionCode: '430000', trade: '建筑施工', keywords: [] },
  { code: 'zhangjiajie-daoyou', name: '张家界导游', regionCode: '430800', trade: '文化旅游', keywords: [] },
  { code: 'shaping-xiangxiu-gong', name: '沙坪湘绣工', regionCode: '430105', trade: '手工艺', keywords: ['湘绣'] },
  { code: 'lanzhou-lamian-shi', name: '兰州拉面师', regionCode: '620100', trade: '餐饮', keywords: ['兰州牛肉拉面', '兰州拉面'] },
  { code: 'moganshan-minsu-guanjia', name: '莫干山民宿管家', regionCode: '330521', trade: '文化旅游', keywords: [] },
  { code: 'yizhang-guangdian-zhizao-gong', name: '宜章光电制造工', regionCode: '431022', trade: '制造', keywords: [] },
  // ---- [D] 青海 ----
  { code: 'dangaer-xiuniang', name: '丹噶尔绣娘', regionCode: '630123', trade: '手工艺', keywords: ['青绣'] },
  { code: 'huzhu-jiazheng', name: '互助家政', regionCode: '630223', trade: '家政服务', keywords: [] },
  { code: 'huzhu-tuzu-panxiu', name: '互助土族盘绣', regionCode: '630223', trade: '手工艺', keywords: ['土族盘绣'] },
  { code: 'hualong-niuroumian', name: '化隆牛肉面', regionCode: '630224', trade: '餐饮', keywords: ['化隆拉面', '青海拉面'] },
  { code: 'haixi-gouqi-caizhai', name: '海西枸杞采摘', regionCode: '632800', trade: '农业', keywords: ['枸杞采摘'] },
  // ---- [E] 甘肃 ----
  { code: 'lixian-mei', name: '礼贤妹', regionCode: '621226', trade: '家政服务', keywords: ['礼贤大嫂'] },
  // ---- [F] widely reported, to be reviewed against 人社部's lists ----
  { code: 'xiangxi-biancheng-jiazheng', name: '湘西边城家政', regionCode: '433100', trade: '家政服务', keywords: [] },
  { code: 'shaxian-xiaochi', name: '沙县小吃', regionCode: '350405', trade: '餐饮', keywords: ['沙县小吃师傅'] },
  { code: 'lvliangshan-hugong', name: '吕梁山护工', regionCode: '141100', trade: '护理', keywords: [] },
  { code: 'xinhua-shifu', name: '新化师傅', regionCode: '431322', trade: '制造', keywords: ['新化文印'] },
  { code: 'yuecai-shifu', name: '粤菜师傅', regionCode: '440000', trade: '餐饮', keywords: [] },
  { code: 'nanyue-jiazheng', name: '南粤家政', regionCode: '440000', trade: '家政服务', keywords: [] },
  { code: 'guangdong-jigong', name: '广东技工', regionCode: '440000', trade: '制造', keywords: [] },
  { code: 'bayu-gongjiang', name: '巴渝工匠', regionCode: '500000', trade: '制造', keywords: [] },
  { code: 'youxian-dege', name: '攸县的哥', regionCode: '430223', trade: '运输', keywords: ['攸县出租车'] },
  { code: 'linzhou-jianzhu', name: '林州建筑', regionCode: '410581', trade: '建筑施工', keywords: ['林州建筑工匠'] },
  { code: 'changyuan-chushi', name: '长垣厨师', regionCode: '410783', trade: '餐饮', keywords: [] },
  { code: 'xunhua-lamian', name: '循化拉面', regionCode: '630225', trade: '餐饮', keywords: [] },
  { code: 'xingguo-biaosao', name: '兴国表嫂', regionCode: '360732', trade: '家政服务', keywords: [] },
  { code: 'ziyang-xiujiao-shi', name: '紫阳修脚师', regionCode: '610924', trade: '养生保健', keywords: ['紫阳修脚'] },
  { code: 'wuwei-baomu', name: '无为保姆', regionCode: '340281', trade: '家政服务', keywords: [] },
  { code: 'wan-sao', name: '皖嫂', regionCode: '340000', trade: '家政服务', keywords: ['皖嫂家政'] },
  { code: 'lu-sao', name: '鲁嫂', regionCode: '370000', trade: '家政服务', keywords: ['鲁嫂家政'] },
  { code: 'jilin-dajie', name: '吉林大姐', regionCode: '220000', trade: '家政服务', keywords: [] },
  { code: 'longyuan-mei', name: '陇原妹', regionCode: '620000', trade: '家政服务', keywords: [] },
  { code: 'longyuan-qiaoshou', name: '陇原巧手', regionCode: '620000', trade: '手工艺', keywords: [] },
  { code: 'qianling-nv', name: '黔灵女', regionCode: '520000', trade: '家政服务', keywords: ['黔灵女家政'] },
  { code: 'qin-sao', name: '秦嫂', regionCode: '610000', trade: '家政服务', keywords: [] },
  { code: 'pingyu-fangshui', name: '平舆防水', regionCode: '411723', trade: '建筑施工', keywords: ['平舆防水工'] },
  { code: 'guangshan-yurong', name: '光山羽绒', regionCode: '411522', trade: '纺织服装', keywords: ['光山羽绒服加工'] },
  { code: 'jinyun-shaobing-shifu', name: '缙云烧饼师傅', regionCode: '331122', trade: '餐饮', keywords: ['缙云烧饼'] },
  { code: 'quyang-shidiao', name: '曲阳石雕', regionCode: '130634', trade: '手工艺', keywords: [] },
  { code: 'wuqiao-zaji', name: '吴桥杂技', regionCode: '130928', trade: '文化旅游', keywords: [] },
  { code: 'yudu-fangzhi-fuzhuang', name: '于都纺织服装', regionCode: '360731', trade: '纺织服装', keywords: ['于都服装'] },
  { code: 'qingyang-xiangbao', name: '庆阳香包', regionCode: '621000', trade: '手工艺', keywords: ['庆阳香包绣制'] },
  { code: 'liuzhou-luosifen', name: '柳州螺蛳粉', regionCode: '450200', trade: '餐饮', keywords: ['螺蛳粉'] },
  { code: 'yangzhou-xiujiao', name: '扬州修脚', regionCode: '321000', trade: '养生保健', keywords: ['扬州三把刀', '扬州修脚师'] },
];
