namespace Workflows.Functions.Tests.Hosting;

/// <summary>
/// What is deployed carries no test double: the fake clock and the made-up people of a simulated year live in
/// <c>src/Simulation</c>, a tool of its own.
/// </summary>
public sealed class HostLayeringTests
{
    [Fact]
    public void DeployedHost_DoesNotReferenceTheTestingClock()
    {
        var host = typeof(Program).Assembly;
        var references = host.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Microsoft.Extensions.TimeProvider.Testing", references);
        Assert.DoesNotContain(host.GetTypes(), t => t.Namespace?.Contains("Simulation", StringComparison.Ordinal) == true);
    }
}
