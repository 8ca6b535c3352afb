using System.Buffers.Binary;

namespace Strata.Fuzz;

/// <summary>Mutations that know nothing of the format: flipped bytes, truncation, garbage, duplicated runs, huge lengths.</summary>
internal static class ByteMutator
{
    public static byte[] Mutate(byte[] data, Random random, CaseLog log)
    {
        if (data.Length == 0)
        {
            log.Add("bytes: empty input given 16 random bytes");
            return random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16);
        }
        var copy = (byte[])data.Clone();
        switch (random.Next(6))
        {
            case 0:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips; i++)
                {
                    var at = random.Next(copy.Length);
                    copy[at] ^= (byte)(1 << random.Next(8));
                }
                log.Add($"bytes: {flips} bit flips");
                return copy;
            case 1:
                var keep = random.Next(copy.Length);
                log.Add($"bytes: truncated to {keep} of {copy.Length}");
                return copy[..keep];
            case 2:
                var garbage = new byte[random.Next(1, 4096)];
                random.NextBytes(garbage);
                var insertAt = random.Next(copy.Length + 1);
                log.Add($"bytes: {garbage.Length} random bytes inserted at {insertAt}");
                return [.. copy.AsSpan(0, insertAt), .. garbage, .. copy.AsSpan(insertAt)];
            case 3:
                var start = random.Next(copy.Length);
                var length = Math.Min(random.Next(1, 8192), copy.Length - start);
                log.Add($"bytes: {length} bytes at {start} repeated");
                return [.. copy.AsSpan(0, start + length), .. copy.AsSpan(start, length), .. copy.AsSpan(start)];
            case 4:
                var zeroAt = random.Next(copy.Length);
                var zeros = Math.Min(random.Next(1, 1024), copy.Length - zeroAt);
                copy.AsSpan(zeroAt, zeros).Clear();
                log.Add($"bytes: {zeros} bytes zeroed at {zeroAt}");
                return copy;
            default:
                if (copy.Length < 8)
                {
                    goto case 0;
                }
                var lengthAt = random.Next(copy.Length - 7);
                var huge = random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x7FFFFFFFu, _ => 0x80000000u };
                if (random.Next(2) == 0)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(lengthAt), huge);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(lengthAt), huge);
                }
                log.Add($"bytes: 0x{huge:x8} written at {lengthAt} (a huge length, if a length was there)");
                return copy;
        }
    }
}
