namespace Workflows.Durable.Tests.Backend;

public sealed class WorkSignalTests
{
    [Fact]
    public async Task APulse_WakesAsManyWaitsAsItCounts_AndNoMore()
    {
        var signal = new WorkSignal(maxKept: 8);
        var waits = Enumerable.Range(0, 3).Select(_ => signal.WaitAsync(CancellationToken.None)).ToList();

        signal.Pulse(2);
        await Task.WhenAll(waits.Take(2));

        Assert.False(waits[2].IsCompleted);
        signal.Pulse();
        await waits[2];
    }

    [Fact]
    public void APulseNobodyWaitsFor_IsKeptForTheNextWait_UpToTheLimit()
    {
        var signal = new WorkSignal(maxKept: 2);

        signal.Pulse(5);

        Assert.True(signal.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.True(signal.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.False(signal.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task AWithdrawnWait_TakesNoPulseMeantForAnother()
    {
        var signal = new WorkSignal(maxKept: 8);
        using var withdraw = new CancellationTokenSource();
        var withdrawn = signal.WaitAsync(withdraw.Token);
        var other = signal.WaitAsync(CancellationToken.None);

        await withdraw.CancelAsync();
        signal.Pulse();

        await other;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
    }
}
