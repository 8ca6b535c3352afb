namespace Strata.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int GateFailed = 1;
    public const int BadInput = 2;

    /// <summary>Stopped by SIGINT or SIGTERM, as shells report 128 + SIGINT.</summary>
    public const int Interrupted = 130;
}
