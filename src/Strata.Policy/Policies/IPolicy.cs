namespace Strata.Policy.Policies;

/// <summary>One built-in policy, its parameters already read from the policy file (or its defaults).</summary>
public interface IPolicy
{
    /// <summary>The name the policy file uses, such as <c>non-root-user</c>.</summary>
    string Name { get; }

    /// <summary>The rule in one line, with the parameters in force, for reports and SARIF rules.</summary>
    string Description { get; }

    PolicyResult Evaluate(PolicyContext context);
}
