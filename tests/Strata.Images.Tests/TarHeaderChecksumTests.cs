using System.Text;
using Strata.Images.Layers;

namespace Strata.Images.Tests;

/// <summary>
/// The header checksum as POSIX ustar defines it (every byte of the block summed, the checksum field counted as eight
/// spaces), and the signed sum old tars wrote, on headers whose every byte may be high: the expected sums are worked
/// out here byte by byte.
/// </summary>
public sealed class TarHeaderChecksumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_headers_pass_with_the_unsigned_or_the_signed_sum_and_fail_with_any_other(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 50; round++)
        {
            var block = RandomHeader(random);
            var (unsigned, signed) = SumsByHand(block);
            Assert.True(signed > 0 && signed < unsigned, $"round {round}: the header needs high bytes and a positive signed sum");

            Assert.Equal(TarHeaderRole.Entry, Inspect(block, unsigned).Role);
            Assert.Equal(TarHeaderRole.Entry, Inspect(block, signed).Role);
            var wrong = unsigned + 1 == signed ? unsigned + 2 : unsigned + 1;
            var error = Assert.Throws<TarHeaderException>(() => Inspect(block, wrong));
            Assert.Contains($"checksum is {wrong}, the header sums to {unsigned}", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A regular file's header of no data, whose name, owner names and padding are random bytes.</summary>
    private static byte[] RandomHeader(Random random)
    {
        var block = new byte[512];
        random.NextBytes(block);
        for (var i = 0; i < block.Length; i++)
        {
            // About one byte in eight stays high (signed negative), spread over the whole block, so that the signed
            // sum differs from the unsigned one yet stays positive, as an octal field can hold it.
            if (random.Next(4) != 0)
            {
                block[i] &= 0x7f;
            }
        }
        void Field(int offset, int length, string octal)
        {
            block.AsSpan(offset, length).Clear();
            Encoding.ASCII.GetBytes(octal).CopyTo(block, offset);
        }
        Field(100, 8, "0000644");
        Field(108, 8, "0000000");
        Field(116, 8, "0000000");
        Field(124, 12, "00000000000");
        Field(136, 12, "00000000000");
        block[156] = (byte)'0';
        // Not ustar: the name is the name field alone, so a random prefix field does not matter.
        block[257] = (byte)'x';
        return block;
    }

    private static (long Unsigned, long Signed) SumsByHand(byte[] block)
    {
        long unsigned = 0;
        long signed = 0;
        for (var i = 0; i < block.Length; i++)
        {
            var inChecksum = i is >= 148 and < 156;
            unsigned += inChecksum ? ' ' : block[i];
            signed += inChecksum ? ' ' : (sbyte)block[i];
        }
        return (unsigned, signed);
    }

    private static TarHeaderFraming Inspect(byte[] header, long checksum)
    {
        var block = (byte[])header.Clone();
        block.AsSpan(148, 8).Clear();
        Encoding.ASCII.GetBytes(Convert.ToString(checksum, 8).PadLeft(6, '0')).CopyTo(block, 148);
        return new TarHeaderInspector("test layer").Inspect(block);
    }
}
