import CGLPK

/// Names for GLPK's return and status codes, for error messages.
enum GLPKCodes {
    /// The symbolic name of a `glp_simplex` / `glp_intopt` return code.
    static func returnCode(_ code: Int32) -> String {
        switch code {
        case 0: return "0 (success)"
        case GLP_EBADB: return "GLP_EBADB (invalid basis)"
        case GLP_ESING: return "GLP_ESING (singular matrix)"
        case GLP_ECOND: return "GLP_ECOND (ill-conditioned matrix)"
        case GLP_EBOUND: return "GLP_EBOUND (invalid bounds)"
        case GLP_EFAIL: return "GLP_EFAIL (solver failed)"
        case GLP_EOBJLL: return "GLP_EOBJLL (objective lower limit reached)"
        case GLP_EOBJUL: return "GLP_EOBJUL (objective upper limit reached)"
        case GLP_EITLIM: return "GLP_EITLIM (iteration limit exceeded)"
        case GLP_ETMLIM: return "GLP_ETMLIM (time limit exceeded)"
        case GLP_ENOPFS: return "GLP_ENOPFS (no primal feasible solution)"
        case GLP_ENODFS: return "GLP_ENODFS (no dual feasible solution)"
        case GLP_EROOT: return "GLP_EROOT (root LP optimum not provided)"
        case GLP_ESTOP: return "GLP_ESTOP (search terminated by application)"
        case GLP_EMIPGAP: return "GLP_EMIPGAP (relative gap tolerance reached)"
        case GLP_ENOFEAS: return "GLP_ENOFEAS (no primal/dual feasible solution)"
        case GLP_ENOCVG: return "GLP_ENOCVG (no convergence)"
        case GLP_EINSTAB: return "GLP_EINSTAB (numerical instability)"
        case GLP_EDATA: return "GLP_EDATA (invalid data)"
        case GLP_ERANGE: return "GLP_ERANGE (result out of range)"
        default: return "\(code) (unknown return code)"
        }
    }

    /// The symbolic name of a `glp_get_status` / `glp_mip_status` value.
    static func status(_ status: Int32) -> String {
        switch status {
        case GLP_UNDEF: return "GLP_UNDEF"
        case GLP_FEAS: return "GLP_FEAS"
        case GLP_INFEAS: return "GLP_INFEAS"
        case GLP_NOFEAS: return "GLP_NOFEAS"
        case GLP_OPT: return "GLP_OPT"
        case GLP_UNBND: return "GLP_UNBND"
        default: return "\(status) (unknown status)"
        }
    }
}
