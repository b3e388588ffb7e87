/**
 * The skill and certificate taxonomy. Codes are stable lowercase-kebab identifiers: once published
 * (jobs and workers store them), a code is never renamed or reused; retire it instead.
 *
 * `occupationCode` is the code of the closest occupation in 《中华人民共和国职业分类大典》(2022年版)
 * (大类-中类-小类-细类). It is set ONLY where the code could be checked; otherwise it is omitted
 * rather than guessed. Several skills share one occupation (e.g. tiling, plastering and painting are
 * all tasks of 装饰装修工 6-29-04-01). Sources used to check codes:
 * - 职业分类大典（2022年版）社会公示稿, the occupation pages cited by code and page in a public
 *   research inventory (https://www.bdagh.com/upload/1/cms/content/editor/1712798188409.pdf);
 *   the 2022 final edition kept these codes as far as I know, but this is the public draft;
 * - national occupational skill standards (国家职业技能标准) that state the code on their cover:
 *   焊工 6-18-02-04, 车工 6-18-01-01, 铣工 6-18-01-02, 中式烹调师 4-03-02-01, 中式面点师 4-03-02-02,
 *   育婴员 4-10-01-02, 养老护理员 4-10-01-05, 家政服务员 4-10-01-06, 汽车维修工 4-12-01-01,
 *   and 网约配送员 4-02-07-10 (new occupation announced by 人社部 in 2020).
 * Widely used trades whose code I could not check (电工, 保安员, 收银员, 缝纫工 …) carry none.
 *
 * `keywords` are extra search terms (colloquial names such as 电焊, 车位, 月嫂); they are not part
 * of the public shape.
 */

export type SkillSector =
  | 'construction'
  | 'manufacturing'
  | 'processing'
  | 'logistics'
  | 'transport'
  | 'services'
  | 'domestic_services'
  | 'agriculture'
  | 'mining'
  | 'maintenance'
  | 'digital';

export interface TaxonomyDefinition {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly sector: SkillSector;
  readonly occupationCode?: string;
  readonly keywords?: readonly string[];
  /** Certificates only: years a certificate stays valid from its issue; none for one that does not expire. */
  readonly validityYears?: number;
}

// prettier-ignore
export const SKILL_DEFINITIONS: readonly TaxonomyDefinition[] = [
  // ---- construction 建筑 ----
  { code: 'masonry', name: '砌筑工', nameEn: 'Masonry / bricklaying', sector: 'construction', occupationCode: '6-29-01-01', keywords: ['砌砖', '泥瓦工', '瓦工', '泥工'] },
  { code: 'concrete-work', name: '混凝土工', nameEn: 'Concrete work', sector: 'construction', occupationCode: '6-29-01-03', keywords: ['浇筑', '打灰'] },
  { code: 'rebar-work', name: '钢筋工', nameEn: 'Rebar fixing', sector: 'construction', occupationCode: '6-29-01-04', keywords: ['扎钢筋', '绑扎'] },
  { code: 'scaffolding', name: '架子工', nameEn: 'Scaffolding', sector: 'construction', occupationCode: '6-29-01-05', keywords: ['脚手架', '搭架子'] },
  { code: 'prefab-assembly', name: '装配式建筑施工', nameEn: 'Prefabricated building assembly', sector: 'construction', occupationCode: '6-29-01-06', keywords: ['装配式', '构件吊装', '套筒灌浆'] },
  { code: 'rural-building', name: '乡村建设工匠', nameEn: 'Rural building craftsman', sector: 'construction', occupationCode: '6-29-01-07', keywords: ['农村建房', '农房'] },
  { code: 'waterproofing', name: '防水工', nameEn: 'Waterproofing', sector: 'construction', occupationCode: '6-29-02-08', keywords: ['防水'] },
  { code: 'mechanical-installation', name: '机械设备安装', nameEn: 'Mechanical equipment installation', sector: 'construction', occupationCode: '6-29-03-01', keywords: ['设备安装'] },
  { code: 'electrical-installation', name: '电气设备安装', nameEn: 'Electrical equipment installation', sector: 'construction', occupationCode: '6-29-03-02', keywords: ['电气安装', '安装电工'] },
  { code: 'pipefitting', name: '管工', nameEn: 'Pipefitting', sector: 'construction', occupationCode: '6-29-03-04', keywords: ['管道安装', '管道工'] },
  { code: 'plumbing', name: '水电安装', nameEn: 'Plumbing and home wiring', sector: 'construction', keywords: ['水电工', '水暖工', '水管'] },
  { code: 'interior-finishing', name: '装饰装修工', nameEn: 'Interior finishing', sector: 'construction', occupationCode: '6-29-04-01', keywords: ['装修', '室内装修'] },
  { code: 'tiling', name: '瓷砖铺贴', nameEn: 'Tiling', sector: 'construction', occupationCode: '6-29-04-01', keywords: ['贴砖', '贴瓷砖', '镶贴'] },
  { code: 'plastering', name: '抹灰', nameEn: 'Plastering', sector: 'construction', occupationCode: '6-29-04-01', keywords: ['抹灰工', '批荡', '粉刷'] },
  { code: 'painting-decorating', name: '油漆工（建筑）', nameEn: 'Painting and decorating', sector: 'construction', occupationCode: '6-29-04-01', keywords: ['刷漆', '乳胶漆', '腻子'] },
  { code: 'drywall-ceiling', name: '吊顶隔墙', nameEn: 'Drywall and suspended ceilings', sector: 'construction', occupationCode: '6-29-04-01', keywords: ['轻钢龙骨', '石膏板', '吊顶'] },
  { code: 'window-curtain-wall', name: '门窗幕墙安装', nameEn: 'Window and curtain-wall installation', sector: 'construction', occupationCode: '6-29-04-02', keywords: ['门窗安装', '幕墙', '铝合金门窗'] },
  { code: 'carpentry', name: '木工（建筑）', nameEn: 'Construction carpentry', sector: 'construction', keywords: ['木工', '木匠'] },
  { code: 'formwork', name: '模板工', nameEn: 'Formwork', sector: 'construction', keywords: ['支模', '模板'] },
  { code: 'steel-structure', name: '钢结构安装', nameEn: 'Steel structure erection', sector: 'construction', keywords: ['钢结构'] },
  { code: 'road-construction', name: '筑路', nameEn: 'Road construction', sector: 'construction', keywords: ['修路', '沥青', '路面'] },
  { code: 'tunnelling', name: '隧道施工', nameEn: 'Tunnelling', sector: 'construction', keywords: ['隧道', '盾构'] },
  { code: 'excavator', name: '挖掘机操作', nameEn: 'Excavator operation', sector: 'construction', occupationCode: '6-30-05-05', keywords: ['挖机', '勾机', '挖掘机司机'] },
  { code: 'wheel-loader', name: '装载机操作', nameEn: 'Wheel loader operation', sector: 'construction', occupationCode: '6-30-05-05', keywords: ['装载机', '铲车'] },
  { code: 'piling', name: '桩工机械操作', nameEn: 'Piling rig operation', sector: 'construction', occupationCode: '6-30-05-05', keywords: ['打桩', '旋挖钻'] },
  { code: 'tower-crane', name: '塔吊司机', nameEn: 'Tower crane operation', sector: 'construction', occupationCode: '6-30-05-01', keywords: ['塔吊', '塔式起重机'] },
  { code: 'crane-signalling', name: '信号司索', nameEn: 'Crane signalling and rigging', sector: 'construction', keywords: ['信号工', '司索工', '指挥'] },
  { code: 'construction-hoist', name: '施工升降机操作', nameEn: 'Construction hoist operation', sector: 'construction', keywords: ['施工电梯', '升降机'] },
  { code: 'construction-labour', name: '建筑普工', nameEn: 'General construction labour', sector: 'construction', keywords: ['小工', '杂工', '工地'] },
  { code: 'demolition', name: '拆除', nameEn: 'Demolition', sector: 'construction', keywords: ['拆迁', '破碎'] },
  { code: 'stone-installation', name: '石材安装', nameEn: 'Stone installation', sector: 'construction', keywords: ['石材', '大理石'] },
  { code: 'elevator-installation', name: '电梯安装维修', nameEn: 'Elevator installation and maintenance', sector: 'construction', keywords: ['电梯'] },
  { code: 'hvac-installation', name: '空调安装', nameEn: 'Air-conditioning installation', sector: 'construction', keywords: ['空调', '暖通'] },
  { code: 'solar-pv-installation', name: '光伏安装', nameEn: 'Solar PV installation', sector: 'construction', keywords: ['光伏板', '光伏电站'] },
  { code: 'surveying', name: '测量放线', nameEn: 'Construction surveying', sector: 'construction', keywords: ['放线', '全站仪', '测量'] },
  { code: 'work-at-height', name: '高空作业', nameEn: 'Work at height', sector: 'construction', keywords: ['高处作业', '外墙', '蜘蛛人', '登高'] },
  { code: 'landscaping', name: '园林绿化施工', nameEn: 'Landscaping construction', sector: 'construction', keywords: ['园林', '绿化施工'] },
  { code: 'electrician', name: '电工', nameEn: 'Electrician', sector: 'construction', keywords: ['维修电工', '低压电工', '接线'] },
  { code: 'low-voltage-wiring', name: '弱电安装', nameEn: 'Low-voltage (ELV) wiring', sector: 'construction', keywords: ['弱电', '监控安装', '网络布线'] },

  // ---- manufacturing 制造 ----
  { code: 'welding', name: '焊工', nameEn: 'Welding', sector: 'manufacturing', occupationCode: '6-18-02-04', keywords: ['电焊', '电焊工', '氩弧焊', '二保焊', '气保焊', '焊接'] },
  { code: 'flame-cutting', name: '气割', nameEn: 'Flame cutting', sector: 'manufacturing', keywords: ['切割', '火焰切割', '等离子切割'] },
  { code: 'lathe-turning', name: '车工', nameEn: 'Lathe turning', sector: 'manufacturing', occupationCode: '6-18-01-01', keywords: ['车床'] },
  { code: 'milling', name: '铣工', nameEn: 'Milling', sector: 'manufacturing', occupationCode: '6-18-01-02', keywords: ['铣床'] },
  { code: 'grinding', name: '磨工', nameEn: 'Grinding (machining)', sector: 'manufacturing', keywords: ['磨床'] },
  { code: 'cnc-operation', name: '数控机床操作', nameEn: 'CNC machine operation', sector: 'manufacturing', keywords: ['CNC', '加工中心', '数控车', '操机'] },
  { code: 'cnc-programming', name: '数控编程', nameEn: 'CNC programming', sector: 'manufacturing', keywords: ['编程', 'UG', 'CAM'] },
  { code: 'bench-fitting', name: '钳工', nameEn: 'Bench fitting', sector: 'manufacturing', keywords: ['装配钳工', '模具钳工'] },
  { code: 'sheet-metal', name: '钣金', nameEn: 'Sheet-metal work', sector: 'manufacturing', keywords: ['折弯', '钣金工'] },
  { code: 'stamping', name: '冲压', nameEn: 'Press and stamping operation', sector: 'manufacturing', keywords: ['冲床', '冲压工'] },
  { code: 'injection-moulding', name: '注塑', nameEn: 'Injection moulding', sector: 'manufacturing', occupationCode: '6-14-02-00', keywords: ['注塑机', '啤机', '塑料制品'] },
  { code: 'rubber-products', name: '橡胶制品生产', nameEn: 'Rubber products production', sector: 'manufacturing', occupationCode: '6-14-01-01', keywords: ['橡胶', '硫化'] },
  { code: 'foundry-casting', name: '铸造', nameEn: 'Foundry casting', sector: 'manufacturing', occupationCode: '6-18-02-01', keywords: ['浇铸', '压铸', '翻砂'] },
  { code: 'forging', name: '锻造', nameEn: 'Forging', sector: 'manufacturing', keywords: ['锻压', '锻工'] },
  { code: 'heat-treatment', name: '热处理', nameEn: 'Heat treatment', sector: 'manufacturing', keywords: ['淬火'] },
  { code: 'spray-painting', name: '喷涂', nameEn: 'Industrial spray painting', sector: 'manufacturing', keywords: ['喷漆', '喷粉', '喷涂工'] },
  { code: 'electroplating', name: '电镀', nameEn: 'Electroplating', sector: 'manufacturing', keywords: ['镀锌', '表面处理'] },
  { code: 'grinding-polishing', name: '打磨抛光', nameEn: 'Grinding and polishing', sector: 'manufacturing', keywords: ['打磨', '抛光'] },
  { code: 'mould-making', name: '模具制作', nameEn: 'Mould making', sector: 'manufacturing', keywords: ['模具'] },
  { code: 'assembly-line', name: '流水线作业', nameEn: 'Assembly-line work', sector: 'manufacturing', keywords: ['普工', '流水线', '操作工'] },
  { code: 'electronics-assembly', name: '电子装配', nameEn: 'Electronics assembly', sector: 'manufacturing', keywords: ['电子厂', '插件', '组装'] },
  { code: 'smt-operation', name: 'SMT贴片操作', nameEn: 'SMT line operation', sector: 'manufacturing', keywords: ['SMT', '贴片机', '贴片'] },
  { code: 'hand-soldering', name: '手工锡焊', nameEn: 'Hand soldering', sector: 'manufacturing', keywords: ['烙铁', '焊锡', '锡焊'] },
  { code: 'pcb-fabrication', name: '印制电路板制作', nameEn: 'PCB fabrication', sector: 'manufacturing', occupationCode: '6-25-01-13', keywords: ['PCB', '线路板'] },
  { code: 'quality-inspection', name: '质检', nameEn: 'Quality inspection', sector: 'manufacturing', keywords: ['QC', '品检', '检验员', '品管'] },
  { code: 'packing', name: '包装', nameEn: 'Packing', sector: 'manufacturing', keywords: ['打包', '包装工'] },
  { code: 'machine-tending', name: '机台操作', nameEn: 'Machine tending', sector: 'manufacturing', keywords: ['看机', '开机', '设备操作'] },
  { code: 'industrial-robot-operation', name: '工业机器人操作', nameEn: 'Industrial robot operation', sector: 'manufacturing', keywords: ['机器人', '机械手'] },
  { code: 'vehicle-assembly', name: '汽车装调', nameEn: 'Vehicle assembly and adjustment', sector: 'manufacturing', occupationCode: '6-22-02-01', keywords: ['汽车总装', '汽车厂'] },
  { code: 'battery-manufacturing', name: '电池制造', nameEn: 'Battery manufacturing', sector: 'manufacturing', occupationCode: '6-24-04-00', keywords: ['锂电', '电芯', '电池厂'] },
  { code: 'pv-module-manufacturing', name: '光伏组件制造', nameEn: 'PV module manufacturing', sector: 'manufacturing', occupationCode: '6-24-02-04', keywords: ['光伏组件', '层压', '串焊'] },
  { code: 'furniture-making', name: '家具制作', nameEn: 'Furniture making', sector: 'manufacturing', occupationCode: '6-06-04-00', keywords: ['家具厂', '封边', '开料'] },
  { code: 'printing-press', name: '印刷机操作', nameEn: 'Printing press operation', sector: 'manufacturing', occupationCode: '6-08-01-02', keywords: ['印刷', '机长'] },
  { code: 'carton-making', name: '纸箱纸盒制作', nameEn: 'Carton and box making', sector: 'manufacturing', occupationCode: '6-07-02-00', keywords: ['纸箱', '纸盒', '模切'] },
  { code: 'pharmaceutical-production', name: '药物制剂', nameEn: 'Pharmaceutical formulation', sector: 'manufacturing', occupationCode: '6-12-03-00', keywords: ['制药', '药厂'] },
  { code: 'steelmaking', name: '炼钢', nameEn: 'Steelmaking', sector: 'manufacturing', occupationCode: '6-17-02-02', keywords: ['钢厂', '转炉'] },
  { code: 'glass-processing', name: '玻璃加工', nameEn: 'Glass processing', sector: 'manufacturing', keywords: ['钢化玻璃', '玻璃切割', '磨边'] },
  { code: 'sewing-machine', name: '缝纫机操作', nameEn: 'Sewing machine operation', sector: 'manufacturing', keywords: ['车位', '平车', '缝纫工', '服装厂', '车工（服装）'] },
  { code: 'garment-cutting', name: '服装裁剪', nameEn: 'Garment cutting', sector: 'manufacturing', keywords: ['裁床', '裁剪'] },
  { code: 'garment-pressing', name: '整烫', nameEn: 'Garment pressing', sector: 'manufacturing', keywords: ['熨烫', '大烫'] },
  { code: 'garment-finishing', name: '服装后道', nameEn: 'Garment finishing', sector: 'manufacturing', keywords: ['剪线', '后道', '查货'] },
  { code: 'knitting', name: '针织', nameEn: 'Knitting', sector: 'manufacturing', keywords: ['横机', '毛衫', '织袜'] },
  { code: 'spinning', name: '纺纱', nameEn: 'Spinning', sector: 'manufacturing', keywords: ['细纱', '挡车工', '纺织厂'] },
  { code: 'weaving', name: '织布', nameEn: 'Weaving', sector: 'manufacturing', keywords: ['织机', '喷水织机'] },
  { code: 'textile-dyeing', name: '印染', nameEn: 'Textile dyeing and printing', sector: 'manufacturing', keywords: ['染色', '印花'] },
  { code: 'shoemaking', name: '制鞋', nameEn: 'Shoemaking', sector: 'manufacturing', keywords: ['鞋厂', '针车', '成型'] },
  { code: 'leather-goods', name: '皮具箱包制作', nameEn: 'Leather goods and bags', sector: 'manufacturing', keywords: ['箱包', '皮具'] },

  // ---- maintenance 维修 ----
  { code: 'equipment-maintenance', name: '设备维修', nameEn: 'Industrial equipment maintenance', sector: 'maintenance', keywords: ['机修', '维修工', '设备保养'] },
  { code: 'auto-repair', name: '汽车维修', nameEn: 'Automotive repair', sector: 'maintenance', occupationCode: '4-12-01-01', keywords: ['汽修', '修车', '机修工'] },
  { code: 'auto-body-paint', name: '汽车钣喷', nameEn: 'Auto body and paint', sector: 'maintenance', keywords: ['钣金喷漆', '汽车喷漆'] },
  { code: 'tyre-service', name: '轮胎修补', nameEn: 'Tyre service', sector: 'maintenance', keywords: ['补胎', '换胎'] },
  { code: 'appliance-repair', name: '家电维修', nameEn: 'Home appliance repair', sector: 'maintenance', keywords: ['空调维修', '洗衣机维修', '冰箱维修'] },
  { code: 'ebike-motorcycle-repair', name: '电动车摩托车维修', nameEn: 'E-bike and motorcycle repair', sector: 'maintenance', keywords: ['电动车修理', '摩托车修理'] },
  { code: 'phone-repair', name: '手机维修', nameEn: 'Mobile phone repair', sector: 'maintenance', keywords: ['换屏'] },
  { code: 'property-maintenance', name: '物业维修', nameEn: 'Building maintenance', sector: 'maintenance', keywords: ['物业', '工程维修'] },
  { code: 'machinery-repair', name: '工程机械维修', nameEn: 'Construction machinery repair', sector: 'maintenance', keywords: ['挖机维修', '液压'] },

  // ---- logistics 物流 ----
  { code: 'forklift', name: '叉车司机', nameEn: 'Forklift operation', sector: 'logistics', occupationCode: '6-30-05-01', keywords: ['叉车', '电动叉车', '叉车工'] },
  { code: 'overhead-crane', name: '行车（桥式起重机）操作', nameEn: 'Overhead crane operation', sector: 'logistics', occupationCode: '6-30-05-01', keywords: ['行车', '天车', '桥吊', '龙门吊'] },
  { code: 'loading-unloading', name: '装卸搬运', nameEn: 'Loading and unloading', sector: 'logistics', occupationCode: '4-02-05-01', keywords: ['装卸工', '搬运工', '卸货'] },
  { code: 'warehouse-keeping', name: '仓库管理', nameEn: 'Warehouse keeping', sector: 'logistics', occupationCode: '4-02-06-01', keywords: ['仓管', '库管', '出入库'] },
  { code: 'order-picking', name: '拣货理货', nameEn: 'Order picking and tallying', sector: 'logistics', occupationCode: '4-02-06-02', keywords: ['拣货', '理货员', '分拣打包'] },
  { code: 'parcel-sorting', name: '快件分拣', nameEn: 'Parcel sorting', sector: 'logistics', occupationCode: '4-02-07-09', keywords: ['分拣员', '快递分拣', '中转场'] },
  { code: 'courier-delivery', name: '快递员', nameEn: 'Courier delivery', sector: 'logistics', occupationCode: '4-02-07-08', keywords: ['快递', '派件', '揽收', '收派'] },
  { code: 'food-delivery', name: '外卖配送', nameEn: 'Food and on-demand delivery', sector: 'logistics', occupationCode: '4-02-07-10', keywords: ['外卖', '骑手', '网约配送员', '跑腿'] },
  { code: 'truck-driving', name: '货车驾驶', nameEn: 'Truck driving', sector: 'logistics', occupationCode: '4-02-02-02', keywords: ['货车司机', '大车司机', '卡车'] },
  { code: 'tractor-trailer-driving', name: '牵引车驾驶', nameEn: 'Tractor-trailer driving', sector: 'logistics', occupationCode: '4-02-02-02', keywords: ['半挂', '拖头', '重卡'] },
  { code: 'freight-station-operations', name: '货运站务', nameEn: 'Freight station operations', sector: 'logistics', occupationCode: '4-02-02-04', keywords: ['配载', '货运站', '物流园'] },
  { code: 'conveyor-operation', name: '输送机操作', nameEn: 'Conveyor operation', sector: 'logistics', occupationCode: '6-30-05-03', keywords: ['皮带机', '输送线'] },
  { code: 'cold-chain-handling', name: '冷链作业', nameEn: 'Cold-chain handling', sector: 'logistics', keywords: ['冷库', '冷藏'] },

  // ---- transport 客运 ----
  { code: 'bus-driving', name: '客车驾驶', nameEn: 'Bus and coach driving', sector: 'transport', keywords: ['大巴司机', '公交司机', '客车司机'] },
  { code: 'ride-hailing-driving', name: '网约车驾驶', nameEn: 'Ride-hailing driving', sector: 'transport', keywords: ['网约车', '出租车', '的士'] },
  { code: 'company-driving', name: '小车司机', nameEn: 'Company car driving', sector: 'transport', keywords: ['司机', '商务司机', '专车'] },
  { code: 'hazmat-transport', name: '危险品运输', nameEn: 'Dangerous goods transport', sector: 'transport', keywords: ['危化品', '押运员', '罐车'] },

  // ---- services 服务 ----
  { code: 'chinese-cooking', name: '中式烹调', nameEn: 'Chinese cooking', sector: 'services', occupationCode: '4-03-02-01', keywords: ['厨师', '炒锅', '炒菜', '大厨'] },
  { code: 'chinese-pastry', name: '中式面点', nameEn: 'Chinese pastry and dough foods', sector: 'services', occupationCode: '4-03-02-02', keywords: ['面点师', '包子', '饺子', '白案'] },
  { code: 'western-cooking', name: '西餐烹调', nameEn: 'Western cooking', sector: 'services', keywords: ['西餐', '西厨'] },
  { code: 'baking', name: '烘焙', nameEn: 'Baking', sector: 'services', keywords: ['面包', '蛋糕', '西点'] },
  { code: 'kitchen-assistant', name: '厨房帮工', nameEn: 'Kitchen assistant', sector: 'services', keywords: ['帮厨', '切配', '打荷', '砧板'] },
  { code: 'dishwashing', name: '洗碗', nameEn: 'Dishwashing', sector: 'services', keywords: ['洗碗工', '洗碗阿姨'] },
  { code: 'restaurant-service', name: '餐厅服务', nameEn: 'Restaurant service', sector: 'services', keywords: ['服务员', '传菜员', '点菜'] },
  { code: 'hotel-housekeeping', name: '客房服务', nameEn: 'Hotel housekeeping', sector: 'services', keywords: ['客房', '做房', 'PA'] },
  { code: 'front-desk', name: '前台接待', nameEn: 'Front desk reception', sector: 'services', keywords: ['前台', '接待'] },
  { code: 'cashier', name: '收银', nameEn: 'Cashier', sector: 'services', keywords: ['收银员'] },
  { code: 'retail-sales', name: '商品营业员', nameEn: 'Retail sales', sector: 'services', occupationCode: '4-01-02-03', keywords: ['营业员', '导购', '售货员', '理货上架'] },
  { code: 'security-guard', name: '保安', nameEn: 'Security guard', sector: 'services', keywords: ['保安员', '门卫', '巡逻'] },
  { code: 'commercial-cleaning', name: '保洁', nameEn: 'Commercial cleaning', sector: 'services', keywords: ['保洁员', '清洁工', '物业保洁'] },
  { code: 'post-construction-cleaning', name: '开荒保洁', nameEn: 'Post-construction cleaning', sector: 'services', keywords: ['开荒'] },
  { code: 'street-sanitation', name: '环卫', nameEn: 'Street sanitation', sector: 'services', keywords: ['环卫工', '扫街', '垃圾清运'] },
  { code: 'grounds-maintenance', name: '绿化养护', nameEn: 'Grounds and garden maintenance', sector: 'services', keywords: ['绿化工', '园林养护', '修剪草坪'] },
  { code: 'hairdressing', name: '美发', nameEn: 'Hairdressing', sector: 'services', keywords: ['理发', '发型师', '洗头'] },
  { code: 'beauty-care', name: '美容', nameEn: 'Beauty care', sector: 'services', keywords: ['美容师', '美甲', '美睫'] },
  { code: 'massage', name: '保健按摩', nameEn: 'Massage', sector: 'services', keywords: ['按摩', '推拿', '足浴', '足疗', '技师'] },
  { code: 'car-wash', name: '洗车美容', nameEn: 'Car washing and detailing', sector: 'services', keywords: ['洗车', '汽车美容'] },
  { code: 'laundry', name: '洗衣', nameEn: 'Laundry', sector: 'services', keywords: ['洗涤', '干洗', '布草'] },
  { code: 'barista', name: '咖啡制作', nameEn: 'Coffee making', sector: 'services', keywords: ['咖啡师', '奶茶'] },
  { code: 'tea-serving', name: '茶艺', nameEn: 'Tea serving', sector: 'services', keywords: ['茶艺师', '茶馆'] },
  { code: 'parking-attendant', name: '停车管理', nameEn: 'Parking attendant', sector: 'services', keywords: ['停车场', '收费员'] },
  { code: 'customer-service', name: '客服', nameEn: 'Customer service', sector: 'services', keywords: ['话务员', '接线员', '电话客服'] },
  { code: 'event-setup', name: '会展搭建', nameEn: 'Event and exhibition setup', sector: 'services', keywords: ['搭建', '展台', '舞台'] },

  // ---- domestic services 家政 ----
  { code: 'domestic-cleaning', name: '家庭保洁', nameEn: 'Domestic cleaning', sector: 'domestic_services', occupationCode: '4-10-01-06', keywords: ['钟点工', '家政', '小时工'] },
  { code: 'live-in-housekeeping', name: '住家保姆', nameEn: 'Live-in housekeeping', sector: 'domestic_services', occupationCode: '4-10-01-06', keywords: ['保姆', '住家阿姨', '家政服务员'] },
  { code: 'home-cooking', name: '家庭烹饪', nameEn: 'Home cooking', sector: 'domestic_services', occupationCode: '4-10-01-06', keywords: ['做饭阿姨', '家宴'] },
  { code: 'infant-care', name: '育婴', nameEn: 'Infant care', sector: 'domestic_services', occupationCode: '4-10-01-02', keywords: ['育儿嫂', '育婴师', '带娃'] },
  { code: 'maternity-care', name: '母婴护理（月嫂）', nameEn: 'Maternity and newborn care', sector: 'domestic_services', keywords: ['月嫂', '产妇护理', '新生儿护理'] },
  { code: 'elderly-care', name: '养老护理', nameEn: 'Elderly care', sector: 'domestic_services', occupationCode: '4-10-01-05', keywords: ['护理员', '老人陪护', '养老院'] },
  { code: 'patient-care', name: '医院陪护', nameEn: 'Hospital patient care aide', sector: 'domestic_services', keywords: ['护工', '陪护', '医疗护理员'] },
  { code: 'disability-care', name: '残障照护', nameEn: 'Disability care', sector: 'domestic_services', keywords: ['残疾人照护', '康复护理'] },
  { code: 'pet-care', name: '宠物护理', nameEn: 'Pet care', sector: 'domestic_services', keywords: ['宠物美容', '遛狗'] },
  { code: 'home-moving', name: '搬家', nameEn: 'Home moving', sector: 'domestic_services', keywords: ['搬家工', '搬运'] },
  { code: 'appliance-cleaning', name: '家电清洗', nameEn: 'Home appliance cleaning', sector: 'domestic_services', keywords: ['油烟机清洗', '空调清洗'] },

  // ---- agriculture 农林牧渔 ----
  { code: 'crop-farming', name: '大田种植', nameEn: 'Field crop farming', sector: 'agriculture', occupationCode: '5-01-02-01', keywords: ['种地', '农艺工', '种粮'] },
  { code: 'rice-transplanting', name: '水稻插秧', nameEn: 'Rice transplanting', sector: 'agriculture', occupationCode: '5-01-02-01', keywords: ['插秧', '水稻'] },
  { code: 'vegetable-growing', name: '蔬菜种植', nameEn: 'Vegetable growing', sector: 'agriculture', occupationCode: '5-01-02-02', keywords: ['种菜', '菜农'] },
  { code: 'greenhouse-growing', name: '大棚种植', nameEn: 'Greenhouse growing', sector: 'agriculture', occupationCode: '5-01-02-02', keywords: ['大棚', '温室', '设施农业'] },
  { code: 'fruit-picking', name: '水果采摘', nameEn: 'Fruit picking', sector: 'agriculture', occupationCode: '5-01-02-02', keywords: ['摘果', '采摘', '摘苹果'] },
  { code: 'orchard-management', name: '果园管理', nameEn: 'Orchard management', sector: 'agriculture', occupationCode: '5-01-02-02', keywords: ['果树修剪', '套袋', '疏果'] },
  { code: 'flower-growing', name: '花卉种植', nameEn: 'Flower growing', sector: 'agriculture', occupationCode: '5-01-02-02', keywords: ['花卉', '苗木'] },
  { code: 'tea-picking', name: '采茶', nameEn: 'Tea picking', sector: 'agriculture', keywords: ['采茶工', '茶园', '茶叶采摘'] },
  { code: 'cotton-picking', name: '采棉', nameEn: 'Cotton picking', sector: 'agriculture', keywords: ['摘棉花', '拾花'] },
  { code: 'mushroom-growing', name: '食用菌生产', nameEn: 'Edible mushroom production', sector: 'agriculture', occupationCode: '5-01-02-03', keywords: ['菌菇', '香菇', '木耳'] },
  { code: 'seedling-nursery', name: '种苗繁育', nameEn: 'Seedling nursery', sector: 'agriculture', occupationCode: '5-01-01-02', keywords: ['育苗', '嫁接'] },
  { code: 'herb-growing', name: '中药材种植', nameEn: 'Medicinal herb growing', sector: 'agriculture', keywords: ['中药材', '药材'] },
  { code: 'pig-raising', name: '生猪饲养', nameEn: 'Pig raising', sector: 'agriculture', occupationCode: '5-03-02-01', keywords: ['养猪', '猪场'] },
  { code: 'cattle-sheep-raising', name: '牛羊饲养', nameEn: 'Cattle and sheep raising', sector: 'agriculture', occupationCode: '5-03-02-01', keywords: ['养牛', '养羊', '放牧'] },
  { code: 'dairy-milking', name: '奶牛挤奶', nameEn: 'Dairy milking', sector: 'agriculture', occupationCode: '5-03-02-01', keywords: ['挤奶', '奶牛场'] },
  { code: 'poultry-raising', name: '家禽饲养', nameEn: 'Poultry raising', sector: 'agriculture', occupationCode: '5-03-02-02', keywords: ['养鸡', '养鸭', '鸡场'] },
  { code: 'aquaculture', name: '水产养殖', nameEn: 'Aquaculture', sector: 'agriculture', occupationCode: '5-04-02-01', keywords: ['养鱼', '养虾', '鱼塘'] },
  { code: 'fishing', name: '水产捕捞', nameEn: 'Fishing', sector: 'agriculture', occupationCode: '5-04-03-01', keywords: ['捕鱼', '渔民', '渔船'] },
  { code: 'crop-protection', name: '农作物植保', nameEn: 'Crop protection and spraying', sector: 'agriculture', occupationCode: '5-05-02-01', keywords: ['打药', '植保', '病虫害防治'] },
  { code: 'agri-drone', name: '植保无人机操作', nameEn: 'Agricultural drone operation', sector: 'agriculture', keywords: ['无人机', '飞防'] },
  { code: 'farm-machinery', name: '农机驾驶操作', nameEn: 'Farm machinery operation', sector: 'agriculture', occupationCode: '5-05-05-01', keywords: ['拖拉机', '农机手', '旋耕'] },
  { code: 'combine-harvester', name: '联合收割机操作', nameEn: 'Combine harvester operation', sector: 'agriculture', occupationCode: '5-05-05-01', keywords: ['收割机', '跨区机收'] },
  { code: 'tree-planting', name: '造林', nameEn: 'Tree planting', sector: 'agriculture', occupationCode: '5-02-02-00', keywords: ['植树', '造林更新'] },
  { code: 'forest-tending', name: '森林抚育', nameEn: 'Forest tending', sector: 'agriculture', occupationCode: '5-02-03-02', keywords: ['护林', '护林员', '抚育间伐'] },
  { code: 'logging', name: '林木采伐', nameEn: 'Logging', sector: 'agriculture', occupationCode: '5-02-04-01', keywords: ['伐木', '砍树'] },
  { code: 'beekeeping', name: '养蜂', nameEn: 'Beekeeping', sector: 'agriculture', keywords: ['蜂农', '蜂蜜'] },
  { code: 'sericulture', name: '养蚕', nameEn: 'Sericulture', sector: 'agriculture', keywords: ['桑蚕', '蚕桑'] },
  { code: 'sugarcane-harvesting', name: '甘蔗砍收', nameEn: 'Sugarcane harvesting', sector: 'agriculture', keywords: ['砍甘蔗', '甘蔗'] },

  // ---- processing 农产品和食品加工 ----
  { code: 'food-processing', name: '食品加工', nameEn: 'Food processing', sector: 'processing', keywords: ['食品厂', '食品生产'] },
  { code: 'meat-processing', name: '屠宰分割', nameEn: 'Slaughtering and meat cutting', sector: 'processing', keywords: ['屠宰', '分割', '肉联厂'] },
  { code: 'aquatic-processing', name: '水产品加工', nameEn: 'Aquatic products processing', sector: 'processing', occupationCode: '6-01-05-01', keywords: ['剥虾', '鱼糜', '海鲜加工'] },
  { code: 'feed-processing', name: '饲料加工', nameEn: 'Animal feed processing', sector: 'processing', occupationCode: '6-01-02-00', keywords: ['饲料厂'] },
  { code: 'edible-oil-processing', name: '植物油加工', nameEn: 'Edible oil processing', sector: 'processing', occupationCode: '6-01-01-03', keywords: ['榨油', '油厂'] },
  { code: 'produce-grading', name: '农产品分拣包装', nameEn: 'Produce grading and packing', sector: 'processing', occupationCode: '5-05-06-01', keywords: ['分级', '果蔬分拣', '选果'] },
  { code: 'tea-processing', name: '制茶', nameEn: 'Tea processing', sector: 'processing', keywords: ['炒茶', '茶叶加工'] },

  // ---- mining 采矿 ----
  { code: 'underground-mining', name: '井下采矿', nameEn: 'Underground mining', sector: 'mining', occupationCode: '6-16-01-05', keywords: ['煤矿', '矿工', '采煤'] },
  { code: 'mine-roof-support', name: '井下支护', nameEn: 'Underground roof support', sector: 'mining', occupationCode: '6-16-01-06', keywords: ['支护', '锚喷'] },
  { code: 'blasting', name: '爆破', nameEn: 'Blasting', sector: 'mining', keywords: ['爆破工', '放炮'] },
  { code: 'quarrying', name: '采石', nameEn: 'Quarrying', sector: 'mining', keywords: ['石场', '碎石'] },

  // ---- digital 数字与电商 ----
  { code: 'livestream-selling', name: '直播带货', nameEn: 'Live-stream selling', sector: 'digital', keywords: ['主播', '直播', '带货'] },
  { code: 'ecommerce-operations', name: '电商运营', nameEn: 'E-commerce operations', sector: 'digital', keywords: ['网店', '淘宝', '拼多多', '电商客服'] },
  { code: 'data-annotation', name: '数据标注', nameEn: 'Data annotation', sector: 'digital', keywords: ['标注员', '数据标注员'] },
];

/**
 * Certificates commonly asked for in job postings. Three families of licences matter most:
 * - 特种作业操作证 (special operations certificates, issued under 应急管理部 rules), e.g. 焊接与热切割作业,
 *   低压电工作业, 高处作业;
 * - 特种设备作业人员证 (special equipment operator certificates, 市场监管总局), e.g. N1 叉车司机,
 *   Q2 起重机司机, G1 工业锅炉司炉;
 * - 建筑施工特种作业操作资格证 (construction special operations, 住房城乡建设部门), e.g. 塔式起重机司机.
 * `occupationCode` is set where a certificate is the skill-level certificate of one occupation.
 */
// prettier-ignore
/**
 * Validity from issue (validityYears), by the rule that issues each kind:
 * - 特种作业操作证 (应急管理部令第30号《特种作业人员安全技术培训考核管理规定》): 6 years, reviewed every 3;
 * - 特种设备作业人员证 (《特种设备作业人员监督管理办法》): 4 years;
 * - 建筑施工特种作业操作资格证书 (住建部《建筑施工特种作业人员管理规定》): 2 years, extended on review;
 * - 健康证明: 1 year; a first driving licence (公安部令第162号): 6 years; 从业资格证: 6 years;
 * - 民用无人机操控员执照 (CAAC): 2 years;
 * - 职业技能等级证书 (育婴员, 养老护理员, 家政, 厨师, 保安员 …): no expiry.
 */
export const CERTIFICATE_DEFINITIONS: readonly TaxonomyDefinition[] = [
  { code: 'welder-cert', name: '焊工证（特种作业操作证·熔化焊接与热切割作业）', nameEn: 'Special operations certificate: welding and thermal cutting', sector: 'manufacturing', keywords: ['焊工证', '电焊证'] , validityYears: 6 },
  { code: 'electrician-cert', name: '电工证（特种作业操作证·低压电工作业）', nameEn: 'Special operations certificate: low-voltage electrician', sector: 'construction', keywords: ['电工证', '低压电工证'] , validityYears: 6 },
  { code: 'high-voltage-electrician-cert', name: '高压电工证（特种作业操作证·高压电工作业）', nameEn: 'Special operations certificate: high-voltage electrician', sector: 'construction', keywords: ['高压电工证'] , validityYears: 6 },
  { code: 'work-at-height-cert', name: '登高证（特种作业操作证·高处作业）', nameEn: 'Special operations certificate: work at height', sector: 'construction', keywords: ['登高证', '高空作业证'] , validityYears: 6 },
  { code: 'refrigeration-cert', name: '制冷与空调作业证（特种作业操作证）', nameEn: 'Special operations certificate: refrigeration and air-conditioning', sector: 'maintenance', keywords: ['制冷证', '空调证'] , validityYears: 6 },
  { code: 'hazardous-chemicals-cert', name: '危险化学品安全作业证（特种作业操作证）', nameEn: 'Special operations certificate: hazardous chemicals', sector: 'manufacturing', keywords: ['危化证'] , validityYears: 6 },
  { code: 'coal-mine-safety-cert', name: '煤矿安全作业证（特种作业操作证）', nameEn: 'Special operations certificate: coal mine safety', sector: 'mining', keywords: ['煤矿特种作业'] , validityYears: 6 },
  { code: 'forklift-license', name: '叉车证（特种设备作业人员证·N1叉车司机）', nameEn: 'Special equipment operator certificate: forklift (N1)', sector: 'logistics', keywords: ['叉车证', 'N1'] , validityYears: 4 },
  { code: 'crane-operator-license', name: '起重机司机证（特种设备作业人员证·Q2）', nameEn: 'Special equipment operator certificate: crane (Q2)', sector: 'logistics', keywords: ['行车证', '天车证', '起重证'] , validityYears: 4 },
  { code: 'boiler-operator-license', name: '司炉证（特种设备作业人员证·G1工业锅炉司炉）', nameEn: 'Special equipment operator certificate: industrial boiler (G1)', sector: 'manufacturing', keywords: ['锅炉证', '司炉证'] , validityYears: 4 },
  { code: 'elevator-repair-license', name: '电梯修理证（特种设备作业人员证·T）', nameEn: 'Special equipment operator certificate: elevator repair (T)', sector: 'maintenance', keywords: ['电梯证'] , validityYears: 4 },
  { code: 'tower-crane-cert', name: '塔吊证（建筑施工特种作业·塔式起重机司机）', nameEn: 'Construction special operations: tower crane operator', sector: 'construction', keywords: ['塔吊证', '塔司证'] , validityYears: 2 },
  { code: 'construction-hoist-cert', name: '施工升降机司机证（建筑施工特种作业）', nameEn: 'Construction special operations: construction hoist operator', sector: 'construction', keywords: ['升降机证'] , validityYears: 2 },
  { code: 'scaffolder-cert', name: '架子工证（建筑施工特种作业）', nameEn: 'Construction special operations: scaffolder', sector: 'construction', keywords: ['架子工证'] , validityYears: 2 },
  { code: 'crane-signaller-cert', name: '信号司索工证（建筑施工特种作业）', nameEn: 'Construction special operations: crane signaller and rigger', sector: 'construction', keywords: ['信号工证', '司索工证'] , validityYears: 2 },
  { code: 'construction-electrician-cert', name: '建筑电工证（建筑施工特种作业）', nameEn: 'Construction special operations: construction electrician', sector: 'construction', keywords: ['建筑电工证'] , validityYears: 2 },
  { code: 'health-cert', name: '健康证（从业人员健康证明）', nameEn: 'Health certificate for food and public-place workers', sector: 'services', keywords: ['健康证', '体检证'] , validityYears: 1 },
  { code: 'driver-license-c1', name: 'C1驾驶证（小型汽车）', nameEn: 'Driving licence C1 (car)', sector: 'transport', keywords: ['C1', '驾照'] , validityYears: 6 },
  { code: 'driver-license-b2', name: 'B2驾驶证（大型货车）', nameEn: 'Driving licence B2 (heavy truck)', sector: 'logistics', keywords: ['B2'] , validityYears: 6 },
  { code: 'driver-license-a1', name: 'A1驾驶证（大型客车）', nameEn: 'Driving licence A1 (large bus)', sector: 'transport', keywords: ['A1'] , validityYears: 6 },
  { code: 'driver-license-a2', name: 'A2驾驶证（重型牵引挂车）', nameEn: 'Driving licence A2 (tractor-trailer)', sector: 'logistics', keywords: ['A2'] , validityYears: 6 },
  { code: 'freight-qualification', name: '道路货物运输从业资格证', nameEn: 'Road freight transport qualification', sector: 'logistics', keywords: ['货运资格证'] , validityYears: 6 },
  { code: 'passenger-qualification', name: '道路旅客运输从业资格证', nameEn: 'Road passenger transport qualification', sector: 'transport', keywords: ['客运资格证'] , validityYears: 6 },
  { code: 'ride-hailing-cert', name: '网络预约出租汽车驾驶员证', nameEn: 'Ride-hailing driver certificate', sector: 'transport', keywords: ['网约车证'] , validityYears: 6 },
  { code: 'childcare-cert', name: '育婴员证', nameEn: 'Infant care worker certificate', sector: 'domestic_services', occupationCode: '4-10-01-02', keywords: ['育婴师证', '育婴证'] },
  { code: 'elderly-care-cert', name: '养老护理员证', nameEn: 'Elderly care worker certificate', sector: 'domestic_services', occupationCode: '4-10-01-05', keywords: ['护理员证'] },
  { code: 'domestic-service-cert', name: '家政服务员证', nameEn: 'Domestic service worker certificate', sector: 'domestic_services', occupationCode: '4-10-01-06', keywords: ['家政证'] },
  { code: 'maternity-care-cert', name: '母婴护理证（月嫂证）', nameEn: 'Maternity care certificate', sector: 'domestic_services', keywords: ['月嫂证'] },
  { code: 'chef-cert', name: '中式烹调师证', nameEn: 'Chinese cook certificate', sector: 'services', occupationCode: '4-03-02-01', keywords: ['厨师证'] },
  { code: 'security-guard-cert', name: '保安员证', nameEn: 'Security guard certificate', sector: 'services', keywords: ['保安证'] },
  { code: 'drone-pilot-license', name: '民用无人机操控员执照', nameEn: 'Civil drone pilot licence', sector: 'agriculture', keywords: ['无人机驾照', '无人机证'] , validityYears: 2 },
];
