using Strata.Cli.Rendering;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Strata.Cli.Explore;

/// <summary>A pane's content drawn line by line, with the clicks and the wheel reported as rows.</summary>
internal abstract class RowsView : View
{
    protected RowsView()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>A row was clicked (the row on screen, 0 at the top), or the wheel turned (+1 down, −1 up).</summary>
    public event Action<int>? RowClicked;

    public event Action<int>? Wheeled;

    public int VisibleRows => Math.Max(1, Viewport.Height);

    protected Attribute Normal => GetAttributeForRole(VisualRole.Normal);

    protected static Attribute Selection(Attribute attribute) => new(attribute.Foreground, attribute.Background, TextStyle.Reverse);

    /// <summary>The normal attribute in another foreground colour, or unchanged when colours are off.</summary>
    protected Attribute Paint(ExplorerColors colors, Color color) => colors.Plain ? Normal : new(color, Normal.Background);

    /// <summary>Writes one line, cut or padded to the width, so a shorter line never leaves the last one's tail behind.</summary>
    protected void Line(int row, string text, Attribute attribute)
    {
        if (row < 0 || row >= Viewport.Height)
        {
            return;
        }
        Move(0, row);
        SetAttribute(attribute);
        AddStr(Fit(text, Viewport.Width));
    }

    public static string Fit(string text, int width) =>
        width <= 0 ? "" : text.Length > width ? text[..Math.Max(0, width - 1)] + "…" : text.PadRight(width);

    /// <summary>Text from the image (paths, commands), with control characters shown escaped.</summary>
    protected static string Safe(string? text) => TerminalText.Safe(text);

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            Wheeled?.Invoke(1);
            return true;
        }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            Wheeled?.Invoke(-1);
            return true;
        }
        if ((mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed)) && mouse.Position is { } position)
        {
            RowClicked?.Invoke(position.Y);
            return true;
        }
        return base.OnMouseEvent(mouse);
    }
}
