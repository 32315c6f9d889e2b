import Scenario
import Foundation

/// Plans side by side on the campaign's own figures: one row per figure, one column per plan.
///
/// Rows are identified by a stable English key (`tier.coverage`, `dispatch.w1.province`,
/// `category.专精特新企业`) so that scripts can pick rows from the CSV whatever the label
/// language. Plans of different scenarios compare too: a row one plan lacks (a category or a
/// wave the other scenario does not have) shows as missing in that plan's column.
public struct PlanComparison: Sendable {
    /// The groups of rows, in display order.
    public enum Section: String, Sendable, CaseIterable {
        /// Scenario, mode and overall status.
        case plan
        /// The scenario's named indicators (coverage rates and the help rate of halted targets).
        case indicators
        /// Coverage per target category.
        case categories
        /// Coverage per region.
        case regions
        /// Cadres dispatched per wave and level against the quota.
        case dispatch
        /// Cadres, pairs and targets per cadre.
        case load
        /// Idle cadres per home region, and cross-region service.
        case idle
        /// Distance between the cadre's and the target's region.
        case distance
        /// Pairs by the cadre's rank.
        case ranks
        /// Lexicographic tier values and their status.
        case tiers
        /// Solve time.
        case time
        /// Model size before and after aggregation.
        case model

        /// The section's title in `language`.
        public func title(_ language: Language) -> String {
            let zh = language == .zh
            switch self {
            case .plan: return zh ? "方案" : "plan"
            case .indicators: return zh ? "指标" : "indicators"
            case .categories: return zh ? "分类覆盖率" : "coverage by category"
            case .regions: return zh ? "分地区覆盖率" : "coverage by region"
            case .dispatch: return zh ? "分批派驻（派出/名额）" : "dispatch (dispatched/quota)"
            case .load: return zh ? "干部与结对" : "cadres and pairs"
            case .idle: return zh ? "未派出干部（按地区）与支援外地" : "idle cadres by region, cross-region service"
            case .distance: return zh ? "距离" : "distance"
            case .ranks: return zh ? "职级使用（结对数）" : "rank use (pairs)"
            case .tiers: return zh ? "目标分层" : "tiers"
            case .time: return zh ? "时间" : "time"
            case .model: return zh ? "模型规模" : "model size"
            }
        }
    }

    /// One figure of one plan.
    public enum Value: Sendable, Equatable {
        /// A count.
        case count(Int)
        /// A measured quantity shown with a fixed number of decimals.
        case decimal(Double, digits: Int)
        /// A share of targets fully served: the rate as written by `solve`, and its counts.
        case rate(Double, covered: Int, targets: Int)
        /// Cadres dispatched against the quota (`nil`: the scenario sets none).
        case dispatch(Int, quota: Int?)
        /// A tier's value with its solver status and relative gap (`nil` when the solver had no bound).
        case tier(Int, status: String, gap: Double?)
        /// Text (scenario name, mode, status, solver).
        case text(String)
    }

    /// One figure across all plans.
    public struct Row: Sendable, Equatable {
        /// The section it belongs to.
        public var section: Section
        /// Stable English key, unique in the comparison.
        public var key: String
        /// Label in the comparison's language (data such as category names stays as written).
        public var label: String
        /// One value per plan, `nil` where the plan has no such figure.
        public var values: [Value?]
    }

    /// Column names, one per plan, in the order given.
    public let columns: [String]
    /// Rows in section order, then in order of first appearance across the plans.
    public let rows: [Row]
    /// Label language.
    public let language: Language

    /// Builds the comparison of `plans` with labels in `language`.
    public init(plans: [ComparedPlan], language: Language = .zh) {
        columns = plans.map(\.name)
        self.language = language
        var builder = Builder(count: plans.count)
        // Tier rows in the tiers' own order (coverage, principle, …), whichever plan has them,
        // so that a tier only some plans hold does not trail behind the rest.
        let held = Set(plans.flatMap { $0.summary.tiers.map(\.tier) })
        for tier in Tier.allCases where held.contains(tier) {
            builder.set(.tiers, "tier.\(tier.rawValue)", tier.label(language), plan: 0, nil)
        }
        for (i, plan) in plans.enumerated() { builder.add(plan, at: i, language: language) }
        rows = builder.rows
    }

    /// The row with `key`, if any plan has it.
    public func row(_ key: String) -> Row? { rows.first { $0.key == key } }

    /// Collects rows keyed by their key, keeping first-appearance order inside each section.
    private struct Builder {
        let count: Int
        var bySection: [Section: [Row]] = [:]
        var index: [String: (section: Section, position: Int)] = [:]

        init(count: Int) { self.count = count }

        var rows: [Row] { Section.allCases.flatMap { bySection[$0] ?? [] } }

        mutating func set(_ section: Section, _ key: String, _ label: String, plan: Int, _ value: Value?) {
            if let at = index[key] {
                bySection[at.section]![at.position].values[plan] = value
                return
            }
            var row = Row(section: section, key: key, label: label, values: Array(repeating: nil, count: count))
            row.values[plan] = value
            index[key] = (section, bySection[section, default: []].count)
            bySection[section, default: []].append(row)
        }

        mutating func add(_ plan: ComparedPlan, at p: Int, language: Language) {
            let zh = language == .zh
            let s = plan.summary
            let ind = s.indicators
            // Rates are over the targets that accept service (结合企业意愿).
            func rate(_ r: CampaignIndicators.Rate) -> Value { .rate(r.rate, covered: r.covered, targets: r.accepting) }

            set(.plan, "scenario", zh ? "场景" : "scenario", plan: p, .text(s.scenario))
            set(.plan, "mode", zh ? "模式" : "mode", plan: p, .text(s.mode))
            set(.plan, "status", zh ? "求解状态" : "status", plan: p, .text(s.status))
            set(.plan, "violations", zh ? "校验违规数" : "violations", plan: p, .count(s.violations))

            for r in ind.indicators { set(.indicators, "indicator.\(r.id)", r.name, plan: p, rate(r)) }
            for r in ind.indicators where r.declined > 0 {
                set(.indicators, "indicator.\(r.id).declined", r.name + (zh ? "：不愿接受服务" : ": declined service"), plan: p, .count(r.declined))
            }
            for r in ind.byCategory { set(.categories, "category.\(r.id)", r.name, plan: p, rate(r)) }
            for r in ind.byRegion { set(.regions, "region.\(r.id)", r.name, plan: p, rate(r)) }

            for d in ind.dispatch {
                let level = zh ? (d.level == "province" ? "省级" : d.level == "county" ? "市县" : d.level) : d.level
                set(.dispatch, "dispatch.\(d.wave).\(d.level)", "\(d.wave) \(d.date) \(level)", plan: p, .dispatch(d.dispatched, quota: d.quota))
            }

            set(.load, "cadres_dispatched", zh ? "派出干部" : "cadres dispatched", plan: p, .count(ind.cadresDispatched))
            set(.load, "pairs", zh ? "结对数" : "pairs", plan: p, .count(ind.pairs))
            set(.load, "extra_targets", zh ? "一人多对象的额外对象" : "extra targets (beyond each cadre's first)", plan: p, .count(ind.extraTargets))
            set(.load, "idle", zh ? "未派出干部" : "idle cadres", plan: p, .count(ind.idle.total))
            for c in ind.idle.byRegion where c.idle > 0 {
                set(.idle, "idle.region.\(c.id)", c.name, plan: p, .count(c.idle))
            }
            for r in ind.crossRegion {
                set(.idle, "cross_region.\(r.id).given", (zh ? "支援外地：" : "cross-region given: ") + r.name, plan: p, .count(r.given))
            }
            // The mean is pairs per dispatched cadre: the one-to-many question is how far above 1 it goes.
            let mean = ind.cadresDispatched == 0 ? 0 : Double(ind.pairs) / Double(ind.cadresDispatched)
            set(.load, "targets_per_cadre.mean", zh ? "每名干部服务对象数（平均）" : "targets per cadre (mean)", plan: p, .decimal(mean, digits: 2))
            // Histogram keys are numbers written as text; "10" must come after "9".
            for key in ind.targetsPerCadre.keys.sorted(by: { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }) {
                set(.load, "targets_per_cadre.\(key)", zh ? "服务 \(key) 个对象的干部" : "cadres serving \(key) target\(key == "1" ? "" : "s")",
                    plan: p, .count(ind.targetsPerCadre[key]!))
            }

            set(.distance, "distance.total_km", zh ? "总距离（公里）" : "total (km)", plan: p, .count(ind.distanceTotalKm))
            set(.distance, "distance.mean_km", zh ? "平均距离（公里）" : "mean (km)", plan: p, .decimal(ind.distanceMeanKm, digits: 1))
            set(.distance, "distance.max_km", zh ? "最远距离（公里）" : "longest (km)", plan: p, .count(ind.distanceMaxKm))

            // summary.json keys ranks by their Chinese name; the key uses the English keyword.
            let rankOrder: [(zh: String, en: String)] = [("厅", "bureau"), ("处", "division"), ("科", "section")]
            let known = Set(rankOrder.map(\.zh))
            for rank in rankOrder where ind.pairsByRank[rank.zh] != nil {
                set(.ranks, "rank.\(rank.en)", zh ? "\(rank.zh)级干部" : "\(rank.en) (\(rank.zh)) cadres", plan: p, .count(ind.pairsByRank[rank.zh]!))
            }
            for other in ind.pairsByRank.keys.sorted() where !known.contains(other) {
                set(.ranks, "rank.\(other)", other, plan: p, .count(ind.pairsByRank[other]!))
            }
            set(.ranks, "rank.above_minimum", zh ? "高于最低职级要求" : "above the target's minimum rank", plan: p, .count(ind.pairsAboveMinimumRank))

            for t in s.tiers {
                set(.tiers, "tier.\(t.name)", t.tier.label(zh ? .zh : .en), plan: p, .tier(t.value, status: t.status, gap: t.gap))
            }

            set(.time, "time.solve_s", zh ? "求解时间（秒）" : "solve (s)", plan: p, plan.solveSeconds.map { .decimal($0, digits: 3) })

            let m = s.model
            set(.model, "model.individual.variables", zh ? "逐人模型变量" : "individual model: variables", plan: p, .count(m.individual.variables))
            set(.model, "model.individual.rows", zh ? "逐人模型约束" : "individual model: rows", plan: p, .count(m.individual.rows))
            set(.model, "model.solved.variables", zh ? "求解模型变量" : "solved model: variables", plan: p, .count(m.solved.variables))
            set(.model, "model.solved.rows", zh ? "求解模型约束" : "solved model: rows", plan: p, .count(m.solved.rows))
            set(.model, "model.solved.nonzeros", zh ? "求解模型非零元" : "solved model: nonzeros", plan: p, .count(m.solved.nonzeros))
            set(.model, "model.cadre_classes", zh ? "干部类" : "cadre classes", plan: p, .count(m.cadreClasses))
            set(.model, "model.target_classes", zh ? "服务对象类" : "target classes", plan: p, .count(m.targetClasses))
            set(.model, "model.blocks", zh ? "独立块" : "independent blocks", plan: p, .count(m.blocks))
            set(.model, "model.simplex_iterations", zh ? "单纯形迭代" : "simplex iterations", plan: p, .count(m.simplexIterations))
            set(.model, "model.nodes", zh ? "分支定界节点" : "branch-and-bound nodes", plan: p, .count(m.nodes))
            set(.model, "model.solver", zh ? "求解器" : "solver", plan: p, .text(m.solver))
        }
    }
}
