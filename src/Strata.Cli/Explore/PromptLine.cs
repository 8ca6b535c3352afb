using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Strata.Cli.Explore;

/// <summary>
/// The line above the status bar: a message (what the last action did, or why it could not), or a question with a
/// text field (the filter, the folder to extract into).
/// </summary>
internal sealed class PromptLine : View
{
    private readonly Label _message = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = "" };
    private readonly Label _question = new() { X = 0, Y = 0, Height = 1, Visible = false };
    private readonly TextField _field;

    public PromptLine()
    {
        Height = 1;
        Width = Dim.Fill();
        // The text field takes the focus only inside a view that can.
        CanFocus = true;
        _field = new TextField { X = Pos.Right(_question), Y = 0, Width = Dim.Fill(), Visible = false };
        _field.ValueChanged += (_, _) => Changed?.Invoke(_field.Text);
        Add(_message, _question, _field);
    }

    /// <summary>The answer as it is typed.</summary>
    public event Action<string>? Changed;

    public PromptKind Kind { get; private set; }

    public string Answer => _field.Text;

    public void Ask(PromptKind kind, string question, string answer)
    {
        Kind = kind;
        _message.Visible = false;
        _question.Text = question;
        _question.Width = question.Length;
        _question.Visible = true;
        _field.Visible = true;
        _field.Text = answer;
        _field.SetFocus();
        SetNeedsLayout();
    }

    /// <summary>Closes the question, if one is open, and shows the message.</summary>
    public void Say(string message)
    {
        Kind = PromptKind.None;
        _question.Visible = false;
        _field.Visible = false;
        _message.Text = message;
        _message.Visible = true;
        SetNeedsLayout();
        SetNeedsDraw();
    }
}

internal enum PromptKind
{
    None,
    Filter,
    Extract,
}
