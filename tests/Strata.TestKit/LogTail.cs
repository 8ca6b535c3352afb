namespace Strata.TestKit;

/// <summary>The last lines a process printed, kept for failure messages.</summary>
public sealed class LogTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }
            _lines.Enqueue(line);
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "(nothing)" : string.Join('\n', _lines);
        }
    }
}
