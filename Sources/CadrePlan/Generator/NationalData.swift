/// The fixed table behind the national-2022 preset: the 31 provincial-level divisions of the
/// mainland, with the figures the preset sizes and places each province's campaign by.
///
/// Every number is described in the generated README (docs: scenarios/national-2022/README.md).
enum NationalData {
    /// One province (province, autonomous region or municipality).
    struct Province {
        /// ISO 3166-2:CN subdivision code, lower case: the prefix of every id of the province.
        let code: String
        /// Short name (广东), used in region, group and category names.
        let name: String
        /// Official name (广东省), used in unit names.
        let official: String
        /// The capital and its approximate coordinates: Hainan's seats are moved here.
        let capital: String
        let lat: Double
        let lon: Double
        /// Gross regional product 2022, 100 million yuan (亿元), rounded: the preliminary
        /// figures the provinces published in early 2023, as far as they could be recalled
        /// without a network here (an assumption; they only set sizes).
        let gdp: Int
    }

    /// Hainan's 2022 product, the unit of ``Province/gdp`` for the scale.
    static let hainanGDP = 6_818

    /// The 31 provinces in the order of the national administrative division codes.
    static let provinces: [Province] = [
        Province(code: "bj", name: "北京", official: "北京市", capital: "北京", lat: 39.90, lon: 116.40, gdp: 41_611),
        Province(code: "tj", name: "天津", official: "天津市", capital: "天津", lat: 39.13, lon: 117.20, gdp: 16_311),
        Province(code: "he", name: "河北", official: "河北省", capital: "石家庄", lat: 38.04, lon: 114.51, gdp: 42_370),
        Province(code: "sx", name: "山西", official: "山西省", capital: "太原", lat: 37.87, lon: 112.55, gdp: 25_643),
        Province(code: "nm", name: "内蒙古", official: "内蒙古自治区", capital: "呼和浩特", lat: 40.84, lon: 111.75, gdp: 23_159),
        Province(code: "ln", name: "辽宁", official: "辽宁省", capital: "沈阳", lat: 41.80, lon: 123.43, gdp: 28_975),
        Province(code: "jl", name: "吉林", official: "吉林省", capital: "长春", lat: 43.82, lon: 125.32, gdp: 13_070),
        Province(code: "hl", name: "黑龙江", official: "黑龙江省", capital: "哈尔滨", lat: 45.80, lon: 126.53, gdp: 15_901),
        Province(code: "sh", name: "上海", official: "上海市", capital: "上海", lat: 31.23, lon: 121.47, gdp: 44_653),
        Province(code: "js", name: "江苏", official: "江苏省", capital: "南京", lat: 32.06, lon: 118.80, gdp: 122_876),
        Province(code: "zj", name: "浙江", official: "浙江省", capital: "杭州", lat: 30.27, lon: 120.16, gdp: 77_715),
        Province(code: "ah", name: "安徽", official: "安徽省", capital: "合肥", lat: 31.82, lon: 117.23, gdp: 45_045),
        Province(code: "fj", name: "福建", official: "福建省", capital: "福州", lat: 26.07, lon: 119.30, gdp: 53_110),
        Province(code: "jx", name: "江西", official: "江西省", capital: "南昌", lat: 28.68, lon: 115.86, gdp: 32_075),
        Province(code: "sd", name: "山东", official: "山东省", capital: "济南", lat: 36.65, lon: 117.12, gdp: 87_435),
        Province(code: "ha", name: "河南", official: "河南省", capital: "郑州", lat: 34.75, lon: 113.63, gdp: 61_345),
        Province(code: "hb", name: "湖北", official: "湖北省", capital: "武汉", lat: 30.59, lon: 114.31, gdp: 53_735),
        Province(code: "hn", name: "湖南", official: "湖南省", capital: "长沙", lat: 28.23, lon: 112.94, gdp: 48_670),
        Province(code: "gd", name: "广东", official: "广东省", capital: "广州", lat: 23.13, lon: 113.26, gdp: 129_118),
        Province(code: "gx", name: "广西", official: "广西壮族自治区", capital: "南宁", lat: 22.82, lon: 108.37, gdp: 26_301),
        Province(code: "hi", name: "海南", official: "海南省", capital: "海口", lat: 20.04, lon: 110.20, gdp: hainanGDP),
        Province(code: "cq", name: "重庆", official: "重庆市", capital: "重庆", lat: 29.56, lon: 106.55, gdp: 29_129),
        Province(code: "sc", name: "四川", official: "四川省", capital: "成都", lat: 30.57, lon: 104.07, gdp: 56_750),
        Province(code: "gz", name: "贵州", official: "贵州省", capital: "贵阳", lat: 26.65, lon: 106.63, gdp: 20_165),
        Province(code: "yn", name: "云南", official: "云南省", capital: "昆明", lat: 25.04, lon: 102.71, gdp: 28_954),
        Province(code: "xz", name: "西藏", official: "西藏自治区", capital: "拉萨", lat: 29.65, lon: 91.14, gdp: 2_133),
        Province(code: "sn", name: "陕西", official: "陕西省", capital: "西安", lat: 34.34, lon: 108.94, gdp: 32_773),
        Province(code: "gs", name: "甘肃", official: "甘肃省", capital: "兰州", lat: 36.06, lon: 103.83, gdp: 11_202),
        Province(code: "qh", name: "青海", official: "青海省", capital: "西宁", lat: 36.62, lon: 101.78, gdp: 3_610),
        Province(code: "nx", name: "宁夏", official: "宁夏回族自治区", capital: "银川", lat: 38.49, lon: 106.23, gdp: 5_070),
        Province(code: "xj", name: "新疆", official: "新疆维吾尔自治区", capital: "乌鲁木齐", lat: 43.83, lon: 87.62, gdp: 17_741),
    ]

    /// The id suffix and name of each province's group of city/county cadres (see the README:
    /// it carries the province's city/county wave quota, which a level quota cannot).
    static let countyGroupID = "shixian"
    static let countyGroupName = "市县干部"
}
