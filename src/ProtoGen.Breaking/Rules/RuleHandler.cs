using ProtoGen.Breaking.Engine;

namespace ProtoGen.Breaking.Rules;

/// <summary>Runs one rule over a check: reads the pairs it needs from the context and reports findings under <paramref name="ruleId"/>.</summary>
internal delegate void RuleHandler(CheckContext context, string ruleId);
