namespace Workflows.Durable.Tests.Abstractions;

public sealed class RetryPolicyTests
{
    [Fact]
    public void DelayAfter_GrowsByTheCoefficient_UpToTheLongestWait()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromMinutes(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5));

        Assert.Equal(
            [1, 2, 4, 5, 5],
            Enumerable.Range(1, 5).Select(n => policy.DelayAfter(n).TotalMinutes));
    }

    [Fact]
    public void Defaults_AreAnHourLongestWaitAndNoTimeout()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
        Assert.Equal(1.0, policy.BackoffCoefficient);
    }

    [Fact]
    public void Constructor_RejectsPoliciesThatCannotWork()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromMinutes(1), maxRetryInterval: TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TaskOptions_FromRetryPolicy_CarriesThePolicy_AndWithInstanceIdMakesSubOrchestrationOptions()
    {
        var policy = new RetryPolicy(2, TimeSpan.FromSeconds(1));

        var options = TaskOptions.FromRetryPolicy(policy).WithInstanceId("child-1");

        Assert.Same(policy, options.Retry!.Policy);
        Assert.Equal("child-1", options.InstanceId);
    }
}
