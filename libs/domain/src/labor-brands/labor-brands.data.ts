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
 *     电力湘军, 张家界导游, 颐而康保健按摩师, 沙坪湘绣工, 兰州拉面师, 莫干山民宿管家, 宜章光电制造工.
 * [D] 工人日报 2023-11, 青海 (https://e-chinaedu.cn/html/jiuyexinxi/2023/11-03/c_118286.shtml):
 *     丹噶尔绣娘, 互助家政, 化隆牛肉面, 互助土族盘绣, 海西枸杞采摘.
 * [E] 中国甘肃在线 2023-10-24 (http://m.jitongbianyaqi.com/news/shizhou/longnan/2023/10/24/169816105195545.html):
 *     礼贤妹 ("全国脱贫地区特色劳务品牌", 2023 全国劳务协作暨劳务品牌发展大会, 银川).
 * [G] 新华社 长春 10-18, 第三届全国创业就业服务展示交流活动 (146 个劳务品牌参展)
 *     (http://yicheng.cjyun.org/p/29317.html): 沙县小吃 ("吃快餐,沙县小吃准没错" among the
 *     "闻名全国的劳务品牌"), 粤菜师傅 ("广东省的“粤菜师傅”劳务品牌展位"); also 天镇 (保姆).
 * [H] 2021-09-08 report on 人社部等20部门《关于劳务品牌建设的指导意见》 (人社部发〔2021〕66号)
 *     (http://snjygy.com/xingye/20210908/0975107.html): "常见的劳务品牌,有山西的“天镇保姆”“吕梁护工”、
 *     安徽的“绩溪徽厨”" — 天镇保姆, 吕梁山护工 (as 吕梁护工), 绩溪徽厨.
 * [I] 人民日报 人民时评 "打造各具特色的劳务品牌" (http://124.42.81.250:8082/e-mobile/app/system//userselect/main.php?c=UatnX.html;
 *     English: http://lwxsd.com/en/info_view.php?VID=45164&tab=mynews): 广东技工, 吴忠厨师, 云阳面工,
 *     八桂米粉师傅 (广西), 河北福嫂, 武宁装饰人 (江西).
 * [J] 四川: 省人社厅 2023-07-06 (http://tech.zhoukan.cc/tech/2023/0706/277820.html): 川妹子 (with 川厨师,
 *     川建工, 川保安 "全国知名劳务品牌" since 2002), 中江表嫂, 宜宾燃面师 (第二批"川字号"特色劳务品牌拟认定
 *     名单); 达州 2023-08-02 (http://cnwlzxrenwen.830052.com/cnwlzxrenwen/2023/0802/11425.html): 巴山妹子
 *     (通川区, 第二批"川字号").
 * [K] sxrb.com e-paper (sxjjrb) 2020-08-18 (http://epaper.sxrb.com/shtml/sxjjrb/20200818/531238.shtml): "吕梁山护工"劳务品牌;
 *     新华网 2008-02-14 via 搜狐 (https://news.sohu.com/20080215/n255168305.shtml): 吉林大姐 ("吉林省劳务输出
 *     的两大品牌项目之一", 保姆).
 * [L] 重庆: 新华网 2022-01-10 (http://big5.news.cn/gate/big5/cq.news.cn/2022-01/10/c_1128248008.htm):
 *     黔龙海运 (黔江); 中国网 2022-08-01 (http://cq.china.com.cn/2022-08/01/content_42055189.html):
 *     山城玻璃工 (published as "中国·山城玻璃工", 合川).
 * [M] 河南: 2011-11-16 "河南省特色劳务闯出大名堂 品牌叫响全国" (http://kbm75.com/xy/hn/362391.html):
 *     林州 (房建) and 平舆 (防水) among the "知名基地品牌"; 驻马店广视网 2014-02-08
 *     (http://zmdtvw.cn/showinfo-11-2165-0.html): 平舆 防水 "劳务品牌"; 中华网河南 2021-06-08
 *     (https://henan.china.com/news/dsxy/2021/0608/2530183911.html): "平舆防水".
 * [N] 广东: 中国新闻网 2025-10-29, 人社部 (English summary: https://reportify.ai/tags/product?tagValue=%E5%8D%97%E7%B2%A4%E5%AE%B6%E6%94%BF):
 *     南粤家政 as an example labour brand; 南方工报 (http://www.nfgb.com.cn/fw/content/post_1272143.html):
 *     莞嫂 ("家政劳务品牌", 东莞).
 * [O] 华声在线 2022-12-29, 益阳 (http://www.xhyb.net.cn/news/shehui/2022/1230/215551.html): 安化黑茶茶艺师
 *     (部级特色劳务品牌), 桃花江保姆 (市级).
 * [P] 西北: 甘肃日报 2026-01-18 (http://www.ruyigansu.com/2026/0118/26427.shtml): 陇西中医药工匠 (省级);
 *     中青报 via 网易 (https://www.163.com/dy/article/KDGOR2GL0514CDBK.html): 吴堡挂面匠 ("三秦系列");
 *     固原 2025-03-28 (http://gyxww.net/content/20250328/113409.html): 西吉绣女, 六盘保姆.
 * [Q] 中新网 2024-12-13 (https://blog.bobobk.com/financial/2024/12-13/10335788.html): 沙市岑河婴童服装师;
 *     中国经济网 2025-03-17 (http://views.ce.cn/view/ent/202503/17/t20250317_39321112.shtml): 恒丰造纸工 (牡丹江).
 * [F] Brands widely reported by provincial 人社 departments and the press but not found, in this
 *     review, on a public page naming them as 劳务品牌; each carries [F] and is a candidate for review
 *     (凉山建工, 湘西边城家政 and the rest so marked).
 */
// prettier-ignore
export const LABOR_BRAND_DEFINITIONS: readonly LaborBrand[] = [
  // ---- kept first: these two codes were published by the skeleton ----
  { code: 'chuan-mei-zi', name: '川妹子', regionCode: '510000', trade: '家政服务', keywords: ['川妹子家政'] }, // [J]
  { code: 'liangshan-jiangong', name: '凉山建工', regionCode: '513400', trade: '建筑施工', keywords: [] }, // [F]
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
  { code: 'yierkang-baojian-anmo-shi', name: '颐而康保健按摩师', regionCode: '430000', trade: '养生保健', keywords: [] },
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
  // ---- [G] 全国创业就业服务展示交流活动 ----
  { code: 'shaxian-xiaochi', name: '沙县小吃', regionCode: '350405', trade: '餐饮', keywords: ['沙县小吃师傅'] },
  { code: 'yuecai-shifu', name: '粤菜师傅', regionCode: '440000', trade: '餐饮', keywords: [] },
  // ---- [H] 指导意见 (2021) ----
  { code: 'tianzhen-baomu', name: '天镇保姆', regionCode: '140222', trade: '家政服务', keywords: [] },
  { code: 'lvliangshan-hugong', name: '吕梁山护工', regionCode: '141100', trade: '护理', keywords: ['吕梁护工'] }, // and [K]
  { code: 'jixi-huichu', name: '绩溪徽厨', regionCode: '341824', trade: '餐饮', keywords: [] },
  // ---- [I] 人民时评 ----
  { code: 'guangdong-jigong', name: '广东技工', regionCode: '440000', trade: '制造', keywords: [] },
  { code: 'wuzhong-chushi', name: '吴忠厨师', regionCode: '640300', trade: '餐饮', keywords: [] },
  { code: 'yunyang-miangong', name: '云阳面工', regionCode: '500235', trade: '餐饮', keywords: [] },
  { code: 'bagui-mifen-shifu', name: '八桂米粉师傅', regionCode: '450000', trade: '餐饮', keywords: [] },
  { code: 'hebei-fusao', name: '河北福嫂', regionCode: '130000', trade: '家政服务', keywords: [] },
  { code: 'wuning-zhuangshi-ren', name: '武宁装饰人', regionCode: '360423', trade: '建筑施工', keywords: [] },
  // ---- [J] 四川 ----
  { code: 'zhongjiang-biaosao', name: '中江表嫂', regionCode: '510623', trade: '家政服务', keywords: [] },
  { code: 'yibin-ranmian-shi', name: '宜宾燃面师', regionCode: '511500', trade: '餐饮', keywords: [] },
  { code: 'bashan-meizi', name: '巴山妹子', regionCode: '511702', trade: '家政服务', keywords: [] },
  // ---- [K] 吉林 ----
  { code: 'jilin-dajie', name: '吉林大姐', regionCode: '220000', trade: '家政服务', keywords: [] },
  // ---- [L] 重庆 ----
  { code: 'qianlong-haiyun', name: '黔龙海运', regionCode: '500114', trade: '运输', keywords: [] },
  { code: 'shancheng-boli-gong', name: '山城玻璃工', regionCode: '500117', trade: '制造', keywords: ['合川清平玻璃工'] },
  // ---- [M] 河南 ----
  { code: 'linzhou-jianzhu', name: '林州建筑', regionCode: '410581', trade: '建筑施工', keywords: ['林州建筑工匠'] },
  { code: 'pingyu-fangshui', name: '平舆防水', regionCode: '411723', trade: '建筑施工', keywords: ['平舆防水工'] },
  // ---- [N] 广东 ----
  { code: 'nanyue-jiazheng', name: '南粤家政', regionCode: '440000', trade: '家政服务', keywords: [] },
  { code: 'guan-sao', name: '莞嫂', regionCode: '441900', trade: '家政服务', keywords: [] },
  // ---- [O] 湖南 益阳 ----
  { code: 'anhua-heicha-chayi-shi', name: '安化黑茶茶艺师', regionCode: '430923', trade: '农业', keywords: [] },
  { code: 'taohuajiang-baomu', name: '桃花江保姆', regionCode: '430922', trade: '家政服务', keywords: [] },
  // ---- [P] 西北 ----
  { code: 'longxi-zhongyiyao-gongjiang', name: '陇西中医药工匠', regionCode: '621122', trade: '农业', keywords: [] },
  { code: 'wubu-guamian-jiang', name: '吴堡挂面匠', regionCode: '610829', trade: '餐饮', keywords: [] },
  { code: 'xiji-xiunv', name: '西吉绣女', regionCode: '640422', trade: '手工艺', keywords: [] },
  { code: 'liupan-baomu', name: '六盘保姆', regionCode: '640400', trade: '家政服务', keywords: [] },
  // ---- [Q] ----
  { code: 'shashi-cenhe-yingtong-fuzhuang-shi', name: '沙市岑河婴童服装师', regionCode: '421002', trade: '纺织服装', keywords: [] },
  { code: 'hengfeng-zaozhi-gong', name: '恒丰造纸工', regionCode: '231000', trade: '制造', keywords: [] },
  // ---- [F] widely reported, not found named as a 劳务品牌 on a public page; to be reviewed ----
  { code: 'xiangxi-biancheng-jiazheng', name: '湘西边城家政', regionCode: '433100', trade: '家政服务', keywords: [] },
  { code: 'xinhua-shifu', name: '新化师傅', regionCode: '431322', trade: '制造', keywords: ['新化文印'] },
  { code: 'bayu-gongjiang', name: '巴渝工匠', regionCode: '500000', trade: '制造', keywords: [] },
  { code: 'youxian-dege', name: '攸县的哥', regionCode: '430223', trade: '运输', keywords: ['攸县出租车'] },
  { code: 'changyuan-chushi', name: '长垣厨师', regionCode: '410783', trade: '餐饮', keywords: [] },
  { code: 'xunhua-lamian', name: '循化拉面', regionCode: '630225', trade: '餐饮', keywords: [] },
  { code: 'xingguo-biaosao', name: '兴国表嫂', regionCode: '360732', trade: '家政服务', keywords: [] },
  { code: 'ziyang-xiujiao-shi', name: '紫阳修脚师', regionCode: '610924', trade: '养生保健', keywords: ['紫阳修脚'] },
  { code: 'wuwei-baomu', name: '无为保姆', regionCode: '340281', trade: '家政服务', keywords: [] },
  { code: 'wan-sao', name: '皖嫂', regionCode: '340000', trade: '家政服务', keywords: ['皖嫂家政'] },
  { code: 'lu-sao', name: '鲁嫂', regionCode: '370000', trade: '家政服务', keywords: ['鲁嫂家政'] },
  { code: 'longyuan-mei', name: '陇原妹', regionCode: '620000', trade: '家政服务', keywords: [] },
  { code: 'longyuan-qiaoshou', name: '陇原巧手', regionCode: '620000', trade: '手工艺', keywords: [] },
  { code: 'qianling-nv', name: '黔灵女', regionCode: '520000', trade: '家政服务', keywords: ['黔灵女家政'] },
  { code: 'qin-sao', name: '秦嫂', regionCode: '610000', trade: '家政服务', keywords: [] },
  { code: 'guangshan-yurong', name: '光山羽绒', regionCode: '411522', trade: '纺织服装', keywords: ['光山羽绒服加工'] },
  { code: 'jinyun-shaobing-shifu', name: '缙云烧饼师傅', regionCode: '331122', trade: '餐饮', keywords: ['缙云烧饼'] },
  { code: 'quyang-shidiao', name: '曲阳石雕', regionCode: '130634', trade: '手工艺', keywords: [] },
  { code: 'wuqiao-zaji', name: '吴桥杂技', regionCode: '130928', trade: '文化旅游', keywords: [] },
  { code: 'yudu-fangzhi-fuzhuang', name: '于都纺织服装', regionCode: '360731', trade: '纺织服装', keywords: ['于都服装'] },
  { code: 'qingyang-xiangbao', name: '庆阳香包', regionCode: '621000', trade: '手工艺', keywords: ['庆阳香包绣制'] },
  { code: 'liuzhou-luosifen', name: '柳州螺蛳粉', regionCode: '450200', trade: '餐饮', keywords: ['螺蛳粉'] },
  { code: 'yangzhou-xiujiao', name: '扬州修脚', regionCode: '321000', trade: '养生保健', keywords: ['扬州三把刀', '扬州修脚师'] },
];
