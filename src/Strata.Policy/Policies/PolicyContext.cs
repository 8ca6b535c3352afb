using Strata.Policy.Assessment;

namespace Strata.Policy.Policies;

/// <summary>What one policy judges: the assessed image and the environment of the run.</summary>
public sealed record PolicyContext(ImageAssessment Assessment, PolicyEnvironment Environment);
