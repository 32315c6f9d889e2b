import Scenario

/// The fixed tables behind the hainan-2022 preset: published counts and the assumptions
/// added to them. Every number here is described in the generated README, which is
/// computed from the generated scenario rather than copied from these tables.
enum HainanData {
    // MARK: Categories

    /// A target category with its kind and, for provincial ones, the published count.
    struct Category {
        let name: String
        let kind: TargetKind
        let count: Int
    }

    /// The nine provincial categories and the published 800 targets (sum 800).
    static let provincialCategories: [Category] = [
        Category(name: "规模以上工业企业", kind: .enterprise, count: 83),
        Category(name: "农业龙头企业", kind: .enterprise, count: 138),
        Category(name: "大型旅游文体企业", kind: .enterprise, count: 100),
        Category(name: "服务业类企业", kind: .enterprise, count: 100),
        Category(name: "国资国企", kind: .enterprise, count: 90),
        Category(name: "专精特新企业", kind: .enterprise, count: 130),
        Category(name: "建筑业企业", kind: .enterprise, count: 30),
        Category(name: "产业园区", kind: .park, count: 29),
        Category(name: "省重点项目", kind: .project, count: 100),
    ]

    /// City/county categories: the four kinds of 四上 enterprise, 5000万元以上项目 and 市县园区.
    /// `count` is unused here; the per-region tables give the numbers.
    static let countyCategories: [Category] = [
        Category(name: "规上工业企业", kind: .enterprise, count: 0),
        Category(name: "限上商贸企业", kind: .enterprise, count: 0),
        Category(name: "规上服务业企业", kind: .enterprise, count: 0),
        Category(name: "资质建筑业企业", kind: .enterprise, count: 0),
        Category(name: "5000万元以上项目", kind: .project, count: 0),
        Category(name: "市县园区", kind: .park, count: 0),
    ]

    /// Published totals.
    static let provincialCadres = 800
    static let countyCadres = 9_200
    /// Chosen: city/county targets in total (not published; see the README for why).
    static let countyTargets = 10_400

    // MARK: Regions

    /// How a region's city/county targets split over the five non-park categories
    /// (weights for 规上工业, 限上商贸, 规上服务业, 资质建筑业, 5000万元以上项目).
    enum Profile: String {
        case general, tourism, industry
        var weights: [Int] {
            switch self {
            case .general: [15, 32, 26, 10, 17]
            case .tourism: [5, 35, 38, 8, 14]
            case .industry: [35, 22, 13, 10, 20]
            }
        }
        /// The Chinese description used in the README.
        var label: String {
            switch self {
            case .general: "综合"
            case .tourism: "旅游"
            case .industry: "工业"
            }
        }
    }

    /// A region with the assumptions attached to it.
    struct RegionSpec {
        let id: String
        /// Official name (regions.csv `name`, and the prefix of county unit names).
        let name: String
        /// Short name used in target names (海口, 白沙…).
        let short: String
        let lat: Double
        let lon: Double
        /// Economic weight: spreads the provincial targets.
        let economy: Int
        /// City/county cadres at scale 1.
        let cadres: Int
        /// City/county targets at scale 1 (parks included).
        let targets: Int
        /// City/county parks at scale 1.
        let parks: Int
        let profile: Profile
    }

    /// The 18 cities/counties without 三沙, plus Yangpu, with the brief's seat coordinates.
    ///
    /// Cadre counts follow the size of the local administration (the three poles first);
    /// target counts follow the economy, so where the economy outruns the administration
    /// (海口, 三亚, 儋州, 澄迈, 洋浦) targets exceed cadres and one-to-many is needed.
    static let regions: [RegionSpec] = [
        RegionSpec(id: "haikou", name: "海口市", short: "海口", lat: 20.04, lon: 110.20, economy: 30, cadres: 2000, targets: 3000, parks: 6, profile: .general),
        RegionSpec(id: "sanya", name: "三亚市", short: "三亚", lat: 18.25, lon: 109.51, economy: 14, cadres: 1150, targets: 1700, parks: 5, profile: .tourism),
        RegionSpec(id: "danzhou", name: "儋州市", short: "儋州", lat: 19.52, lon: 109.58, economy: 9, cadres: 950, targets: 1000, parks: 4, profile: .general),
        RegionSpec(id: "wuzhishan", name: "五指山市", short: "五指山", lat: 18.78, lon: 109.52, economy: 2, cadres: 170, targets: 110, parks: 2, profile: .general),
        RegionSpec(id: "qionghai", name: "琼海市", short: "琼海", lat: 19.25, lon: 110.46, economy: 5, cadres: 500, targets: 440, parks: 2, profile: .general),
        RegionSpec(id: "wenchang", name: "文昌市", short: "文昌", lat: 19.54, lon: 110.80, economy: 5, cadres: 480, targets: 400, parks: 2, profile: .general),
        RegionSpec(id: "wanning", name: "万宁市", short: "万宁", lat: 18.80, lon: 110.39, economy: 4, cadres: 480, targets: 410, parks: 2, profile: .tourism),
        RegionSpec(id: "dongfang", name: "东方市", short: "东方", lat: 19.10, lon: 108.65, economy: 4, cadres: 400, targets: 330, parks: 2, profile: .industry),
        RegionSpec(id: "dingan", name: "定安县", short: "定安", lat: 19.68, lon: 110.36, economy: 3, cadres: 300, targets: 270, parks: 2, profile: .general),
        RegionSpec(id: "tunchang", name: "屯昌县", short: "屯昌", lat: 19.35, lon: 110.10, economy: 2, cadres: 250, targets: 200, parks: 2, profile: .general),
        RegionSpec(id: "chengmai", name: "澄迈县", short: "澄迈", lat: 19.74, lon: 110.01, economy: 6, cadres: 430, targets: 620, parks: 3, profile: .industry),
        RegionSpec(id: "lingao", name: "临高县", short: "临高", lat: 19.91, lon: 109.69, economy: 4, cadres: 380, targets: 320, parks: 2, profile: .general),
        RegionSpec(id: "baisha", name: "白沙黎族自治县", short: "白沙", lat: 19.23, lon: 109.45, economy: 2, cadres: 200, targets: 130, parks: 2, profile: .general),
        RegionSpec(id: "changjiang", name: "昌江黎族自治县", short: "昌江", lat: 19.30, lon: 109.06, economy: 3, cadres: 260, targets: 240, parks: 2, profile: .industry),
        RegionSpec(id: "ledong", name: "乐东黎族自治县", short: "乐东", lat: 18.75, lon: 109.17, economy: 3, cadres: 380, targets: 300, parks: 2, profile: .general),
        RegionSpec(id: "lingshui", name: "陵水黎族自治县", short: "陵水", lat: 18.51, lon: 110.04, economy: 3, cadres: 340, targets: 300, parks: 2, profile: .tourism),
        RegionSpec(id: "baoting", name: "保亭黎族苗族自治县", short: "保亭", lat: 18.64, lon: 109.70, economy: 2, cadres: 190, targets: 140, parks: 2, profile: .tourism),
        RegionSpec(id: "qiongzhong", name: "琼中黎族苗族自治县", short: "琼中", lat: 19.04, lon: 109.84, economy: 2, cadres: 200, targets: 130, parks: 2, profile: .general),
        RegionSpec(id: "yangpu", name: "洋浦经济开发区", short: "洋浦", lat: 19.74, lon: 109.20, economy: 5, cadres: 140, targets: 360, parks: 3, profile: .industry),
    ]

    // MARK: Service groups

    /// A provincial service group with the assumptions attached to it.
    struct GroupSpec {
        let id: String
        let name: String
        /// Categories served; empty means "every provincial category" (the reserves).
        let categories: [String]
        /// For the two reserve groups: their size at scale 1; sector groups get the rest.
        let reserveSize: Int?
        /// All cadres must be division (处) or above: the group serves only 处-level targets.
        let divisionOnly: Bool
        /// The one extra skill some of its cadres have.
        let extraSkill: String?
        /// Provincial bodies its cadres come from.
        let units: [String]
    }

    static let groups: [GroupSpec] = [
        GroupSpec(id: "zonghe", name: "综合协调组", categories: [], reserveSize: 30, divisionOnly: false, extraSkill: nil,
                  units: ["省政府办公厅", "省发展改革委"]),
        GroupSpec(id: "gongxin", name: "工信和建筑业组", categories: ["规模以上工业企业", "建筑业企业"], reserveSize: nil, divisionOnly: false,
                  extraSkill: "专精特新企业", units: ["省工业和信息化厅", "省住房城乡建设厅"]),
        GroupSpec(id: "nonglin", name: "农林牧渔组", categories: ["农业龙头企业"], reserveSize: nil, divisionOnly: false,
                  extraSkill: "国资国企", units: ["省农业农村厅", "省林业局"]),
        GroupSpec(id: "lvyou", name: "旅游和文化体育组", categories: ["大型旅游文体企业"], reserveSize: nil, divisionOnly: false,
                  extraSkill: "服务业类企业", units: ["省旅游和文化广电体育厅"]),
        GroupSpec(id: "shangmao", name: "商贸服务业组", categories: ["服务业类企业"], reserveSize: nil, divisionOnly: false,
                  extraSkill: "大型旅游文体企业", units: ["省商务厅", "省市场监督管理局"]),
        GroupSpec(id: "guozi", name: "国资国企组", categories: ["国资国企"], reserveSize: nil, divisionOnly: false,
                  extraSkill: "省重点项目", units: ["省国资委"]),
        GroupSpec(id: "xiangmu", name: "项目投资组", categories: ["省重点项目"], reserveSize: nil, divisionOnly: true,
                  extraSkill: "产业园区", units: ["省发展改革委", "省自然资源和规划厅", "省交通运输厅"]),
        GroupSpec(id: "yuanqu", name: "园区服务组", categories: ["产业园区"], reserveSize: nil, divisionOnly: true,
                  extraSkill: "省重点项目", units: ["省工业和信息化厅", "省科学技术厅", "省商务厅"]),
        GroupSpec(id: "yaosu", name: "要素保障组", categories: ["专精特新企业"], reserveSize: nil, divisionOnly: false,
                  extraSkill: "规模以上工业企业", units: ["省财政厅", "省人力资源社会保障厅", "省地方金融监督管理局"]),
        GroupSpec(id: "xuanchuan", name: "宣传报道组", categories: [], reserveSize: 10, divisionOnly: false, extraSkill: nil,
                  units: ["省委宣传部", "省政府新闻办公室"]),
    ]

    // MARK: Mixes (percent)

    /// Provincial cadre ranks: 厅 5%, 处 40%, 科 55%.
    static let provincialBureauPercent = 5
    static let provincialDivisionPercent = 40
    /// Provincial cadres outside Haikou: 3% in Sanya, 3% in Danzhou (branch offices); the rest in Haikou.
    static let provincialHome: [(region: String, percent: Int)] = [("haikou", 94), ("sanya", 3), ("danzhou", 3)]
    /// Share of sector-group cadres with one extra skill.
    static let extraSkillPercent = 10
    /// City/county cadre ranks per region, weights for 厅, 处, 科.
    static let countyRankWeights = [1, 14, 85]
    /// Share of each region's city/county cadres available only from the second wave.
    static let countyLatePercent = 5
    /// City/county cadre skills: one each, weighted by the region's profile.
    static let countySkills = ["规上工业企业", "限上商贸企业", "规上服务业企业", "5000万元以上项目"]
    /// Urgent targets per level (percent of that level's targets).
    static let urgentPercent: [Level: Int] = [.province: 40, .county: 20]
    /// Halted targets per level (percent; enterprises and projects only).
    static let haltedPercent = 7
    /// City/county targets that decline the service (percent; never urgent or halted ones).
    static let countyDeclinePercent = 2
    /// Priorities of the targets that are neither urgent nor halted: weights for 1, 2, 3.
    static let restPriorityWeights = [20, 30, 50]
    /// Demand of a city/county park.
    static let countyParkDemand = 2

    // MARK: Waves (published)

    static let waves: [(id: String, date: String, province: Int, county: Int)] = [
        ("w1", "2022-09-16", 500, 3000),
        ("w2", "2022-09-26", 300, 6200),
    ]

    // MARK: Name material (synthetic)

    static let surnames = Array("王陈林吴李符黄张郑刘周杨邢云羊吉冯何蔡梁许罗谢韩唐陆潘钟郭曾麦卢文莫孙赵徐朱胡马").map(String.init)
    static let givenChars = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂海琼春兰晓文华建国志红玲斌宁辉燕鹏峰雪婷俊波帆琳昊欣宇浩然思雨佳慧蕾凯凡鑫程").map(String.init)
    static let brandChars = Array("鑫华瑞源恒泰盛达宏博椰琼澜信诚嘉荣富通丰腾金汇联创兴隆昌顺安康美佳德利远天宇星蓝绿洋润").map(String.init)

    /// Words describing an enterprise of each category, used in synthetic names.
    static let industryWords: [String: [String]] = [
        "规模以上工业企业": ["新材料", "精细化工", "食品", "医药", "电子", "机械制造", "新能源", "包装"],
        "规上工业企业": ["新材料", "食品", "医药", "电子", "建材", "饮料", "塑料制品", "电力设备"],
        "农业龙头企业": ["农业开发", "热带农业", "水产", "橡胶", "畜牧", "椰子食品", "茶业", "种业"],
        "大型旅游文体企业": ["旅业", "文旅", "酒店管理", "体育文化", "度假村", "影视文化"],
        "服务业类企业": ["物流", "信息技术", "商务服务", "会展", "供应链管理", "咨询"],
        "规上服务业企业": ["物流", "信息技术", "商务服务", "物业管理", "人力资源", "旅业"],
        "国资国企": ["投资", "发展", "控股", "建设投资", "交通投资", "水务"],
        "专精特新企业": ["智能科技", "生物科技", "数字科技", "海洋科技", "检测技术", "软件"],
        "建筑业企业": ["建设工程", "建筑工程", "路桥工程", "市政工程"],
        "资质建筑业企业": ["建设工程", "建筑工程", "装饰工程", "市政工程"],
        "限上商贸企业": ["商贸", "贸易", "超市", "百货", "汽车销售", "医药连锁"],
    ]
    static let companySuffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司"]
    static let projectWords = ["产业园基础设施", "物流中心", "安居房", "度假酒店", "污水处理厂", "道路改造",
                               "光伏电站", "冷链仓储", "学校建设", "医院建设", "数据中心", "码头改扩建"]
    static let provincialParkWords = ["产业园", "高新技术产业园", "物流园", "旅游产业园", "科技城"]
    static let countyParkWords = ["工业园", "农业产业园", "创业园", "物流园"]

    /// City/county units by cadre skill (prefixed with the region's official name).
    static let countyUnits: [String: [String]] = [
        "规上工业企业": ["工业和信息化局", "科学技术局"],
        "限上商贸企业": ["商务局", "市场监督管理局"],
        "规上服务业企业": ["旅游和文化广电体育局", "人力资源和社会保障局"],
        "5000万元以上项目": ["发展和改革委员会", "自然资源和规划局", "住房和城乡建设局"],
    ]
}
