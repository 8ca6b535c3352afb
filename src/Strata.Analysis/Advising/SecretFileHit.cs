namespace Strata.Analysis.Advising;

/// <summary>What a secret-bearing file is.</summary>
public enum SecretFileKind
{
    PrivateKey,
    Credentials,
    Token,
}

/// <summary>A stored file that holds a secret; <paramref name="Hint"/> says what kind, never the secret itself.</summary>
public sealed record SecretFileHit(int Layer, string Path, SecretFileKind Kind, string Hint);
