// PLACEHOLDER
import Scenario
