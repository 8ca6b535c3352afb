namespace Strata.Dockerfile.Syntax;

/// <summary>
/// An instruction's logical line (its physical lines joined the way the builder joins them) with, for every
/// character, its offset in the original text, so anything found in the logical line can be edited in the original.
/// </summary>
internal sealed class LogicalText
{
    private readonly int[] offsets;

    private LogicalText(string text, int[] offsets)
    {
        Text = text;
        this.offsets = offsets;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    /// <summary>The original offset of logical index <paramref name="index"/> (the end of the text for Length).</summary>
    public int OffsetAt(int index) => offsets[index];

    /// <summary>The original span of the logical range [start, end).</summary>
    public DockerfileSpan SpanOf(int start, int end) =>
        end <= start ? new DockerfileSpan(offsets[start], 0) : DockerfileSpan.FromBounds(offsets[start], offsets[end - 1] + 1);

    /// <summary>The logical index of an original offset (the first index at or after it).</summary>
    public int IndexOfOffset(int offset)
    {
        var index = Array.BinarySearch(offsets, offset);
        return index >= 0 ? index : ~index;
    }

    public string Slice(int start, int end) => Text[start..end];

    internal sealed class Builder
    {
        private readonly System.Text.StringBuilder text = new();
        private readonly List<int> offsets = [];
        private readonly string source;
        private int end;

        public Builder(string source, int start)
        {
            this.source = source;
            end = start;
        }

        /// <summary>Appends the original characters [start, start + length).</summary>
        public void Append(int start, int length)
        {
            text.Append(source, start, length);
            for (var i = 0; i < length; i++)
            {
                offsets.Add(start + i);
            }
            end = start + length;
        }

        public LogicalText Build()
        {
            offsets.Add(end);
            return new LogicalText(text.ToString(), [.. offsets]);
        }
    }
}
