// PLACEHOLDER
import CGLPK
import MIP
