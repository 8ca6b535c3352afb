using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Strata.Cli.Help;

/// <summary>Spectre's help, followed by the environment variables Strata reads and what its exit codes mean.</summary>
public sealed class StrataHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    private static readonly (string Name, string Meaning)[] Environment =
    [
        ("CI", "true turns on the CI rules of analyze, as --ci does"),
        ("DOCKER_HOST", "the Docker engine for docker-daemon: (default: unix:///var/run/docker.sock)"),
        ("CONTAINER_HOST", "the Podman service for podman: (default: $XDG_RUNTIME_DIR/podman/podman.sock)"),
        ("STRATA_CACHE_DIR", "the blob cache (default: $XDG_CACHE_HOME/strata, else ~/.cache/strata); --cache-dir wins"),
        ("DOCKER_CONFIG", "the folder of the Docker credentials config.json (default: ~/.docker)"),
        ("NO_COLOR", "any value turns colours off"),
        ("XDG_CONFIG_HOME", "explore's keys and colours are read from $XDG_CONFIG_HOME/strata/config.yaml (default: ~/.config/strata/config.yaml)"),
        ("SOURCE_DATE_EPOCH", "seconds since 1970: the SBOM's timestamp, for reproducible SBOMs"),
        ("STRATA_DEBUG", "1 prints the stack trace of an internal error, and what the runtime spent (compiling, collecting)"),
    ];

    private static readonly (string Code, string Meaning)[] ExitCodeMeanings =
    [
        ("0", "success"),
        ("1", "a CI rule failed (analyze --ci), lint found something, a policy failed (policy; --exit-code N exits N), or a kind compare --exit-on names got worse; scan --exit-code N exits N when vulnerabilities remain"),
        ("2", "bad input or usage: an unknown option, an unreadable image, a registry error"),
        ("130", "interrupted (Ctrl+C)"),
    ];

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        foreach (var footer in base.GetFooter(model, command))
        {
            yield return footer;
        }
        yield return Section("ENVIRONMENT:", Environment);
        yield return Section("EXIT CODES:", ExitCodeMeanings);
    }

    private static Rows Section(string title, (string Name, string Meaning)[] rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(4).NoWrap()).AddColumn(new GridColumn().PadLeft(4));
        foreach (var (name, meaning) in rows)
        {
            grid.AddRow(new Text(name), new Text(meaning));
        }
        return new Rows(new Text(""), new Markup($"[yellow]{Markup.Escape(title)}[/]"), grid);
    }
}
