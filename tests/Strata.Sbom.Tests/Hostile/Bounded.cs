namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// Runs work that hostile input once made hang or allocate without end, with a generous bound on each: the time
/// only stops a hang (a quadratic parse of these inputs takes hours), the allocation bound is what a linear parse
/// of them stays far below.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    public static T Run<T>(Func<T> work, long maxAllocatedBytes)
    {
        long allocated = 0;
        var task = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = work();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return result;
        });
        Assert.True(task.Wait(Hang), $"still running after {Hang.TotalSeconds} s");
        Assert.True(allocated < maxAllocatedBytes, $"allocated {allocated} bytes, over {maxAllocatedBytes}");
        return task.Result;
    }

    public const long MiB = 1024 * 1024;
}
