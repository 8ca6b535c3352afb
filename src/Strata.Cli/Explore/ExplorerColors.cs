using Terminal.Gui.Drawing;

namespace Strata.Cli.Explore;

/// <summary>The colours of the tree's marks; each can be changed in the config file's <c>explore.colors</c>.</summary>
public sealed record ExplorerColors
{
    public static readonly IReadOnlyList<string> Names = ["added", "modified", "removed", "unchanged", "dead"];

    public Color Added { get; init; } = new(ColorName16.BrightGreen);

    public Color Modified { get; init; } = new(ColorName16.BrightYellow);

    public Color Removed { get; init; } = new(ColorName16.BrightRed);

    public Color Unchanged { get; init; } = new(ColorName16.Gray);

    /// <summary>The dead-bytes figures and the killed-by mark.</summary>
    public Color Dead { get; init; } = new(ColorName16.BrightMagenta);

    /// <summary>No colours at all (NO_COLOR): the marks at the start of each line still tell the changes apart.</summary>
    public bool Plain { get; init; }

    public ExplorerColors With(string name, Color color) => name switch
    {
        "added" => this with { Added = color },
        "modified" => this with { Modified = color },
        "removed" => this with { Removed = color },
        "unchanged" => this with { Unchanged = color },
        "dead" => this with { Dead = color },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
