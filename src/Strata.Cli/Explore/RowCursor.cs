namespace Strata.Cli.Explore;

/// <summary>The selected row of a list and the first row on screen, kept so the selection is always visible.</summary>
public sealed class RowCursor
{
    public int Selected { get; private set; }

    public int Top { get; private set; }

    /// <summary>Moves by <paramref name="delta"/> rows within 0 … count − 1 and scrolls a page of <paramref name="height"/> to show it.</summary>
    public void Move(int delta, int count, int height) => Select(Selected + delta, count, height);

    public void Select(int row, int count, int height)
    {
        Selected = count == 0 ? 0 : Math.Clamp(row, 0, count - 1);
        Fit(count, height);
    }

    /// <summary>Keeps the selection in range and on screen after the list or the screen changed size.</summary>
    public void Fit(int count, int height)
    {
        Selected = count == 0 ? 0 : Math.Clamp(Selected, 0, count - 1);
        height = Math.Max(1, height);
        if (Selected < Top)
        {
            Top = Selected;
        }
        else if (Selected >= Top + height)
        {
            Top = Selected - height + 1;
        }
        Top = Math.Clamp(Top, 0, Math.Max(0, count - height));
    }

    /// <summary>Scrolls without moving the selection off screen (the mouse wheel).</summary>
    public void Scroll(int delta, int count, int height)
    {
        Top = Math.Clamp(Top + delta, 0, Math.Max(0, count - Math.Max(1, height)));
        Selected = Math.Clamp(Selected, Top, Math.Max(Top, Math.Min(count - 1, Top + height - 1)));
    }
}
