using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Functions.Security;

namespace Workflows.Functions.Tests.Security;

public sealed class FunctionKeysTests
{
    [Fact]
    public void IsValid_AcceptsOnlyConfiguredKeys()
    {
        var keys = new FunctionKeys(["first-key", "second-key"]);

        Assert.True(keys.IsValid("first-key"));
        Assert.True(keys.IsValid("second-key"));
        Assert.False(keys.IsValid("first-ke"));
        Assert.False(keys.IsValid("FIRST-KEY"));
        Assert.False(keys.IsValid(""));
        Assert.False(keys.IsValid(null));
    }

    [Fact]
    public void Load_FromConfiguration_UsesEveryNamedKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionKeys:default"] = "abc",
            ["FunctionKeys:ops"] = "def",
        }).Build();

        var keys = FunctionKeys.Load(configuration, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), NullLogger.Instance);

        Assert.True(keys.IsValid("abc") && keys.IsValid("def"));
    }

    [Fact]
    public void Load_WithNoKeysConfigured_GeneratesOneAndKeepsIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "keys-" + Guid.NewGuid().ToString("N"));
        var empty = new ConfigurationBuilder().Build();

        try
        {
            var first = FunctionKeys.Load(empty, directory, NullLogger.Instance);
            var generated = File.ReadAllText(Path.Combine(directory, FunctionKeys.GeneratedKeyFile));
            var second = FunctionKeys.Load(empty, directory, NullLogger.Instance);

            Assert.True(generated.Length >= 40);
            Assert.True(first.IsValid(generated) && second.IsValid(generated));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
