using Strata.Analysis.Model;

namespace Strata.Cli.Explore;

/// <summary>A file's type and permission bits as <c>ls -l</c> shows them (<c>drwxr-xr-x</c>, <c>-rwsr-xr-x</c>).</summary>
public static class ModeText
{
    public static string Of(EntryKind kind, int mode)
    {
        Span<char> text = stackalloc char[10];
        text[0] = kind switch
        {
            EntryKind.Directory => 'd',
            EntryKind.Symlink => 'l',
            EntryKind.CharDevice => 'c',
            EntryKind.BlockDevice => 'b',
            EntryKind.Fifo => 'p',
            _ => '-',
        };
        const string Letters = "rwxrwxrwx";
        for (var i = 0; i < 9; i++)
        {
            text[i + 1] = (mode & (1 << (8 - i))) != 0 ? Letters[i] : '-';
        }
        Special(text, 3, (mode & 0x800) != 0, 's'); // setuid
        Special(text, 6, (mode & 0x400) != 0, 's'); // setgid
        Special(text, 9, (mode & 0x200) != 0, 't'); // sticky
        return new string(text);
    }

    private static void Special(Span<char> text, int at, bool set, char letter)
    {
        if (set)
        {
            text[at] = text[at] == 'x' ? letter : char.ToUpperInvariant(letter);
        }
    }
}
