using Microsoft.Extensions.Configuration;
using Workflows.Functions.Hosting;

namespace Workflows.Functions.Tests.Hosting;

public sealed class LocalSettingsConfigurationTests
{
    [Fact]
    public void Values_BecomeConfiguration_WithDoubleUnderscoreAsSectionSeparator_AndLowestPrecedence()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            { "IsEncrypted": false, "Values": { "Host__TaskHub": "local", "Host__DataDirectory": "from-file", "Plain": "yes" } }
            """);

        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Host:DataDirectory"] = "from-environment" })
                .AddLocalSettings(path)
                .Build();

            Assert.Equal("local", configuration["Host:TaskHub"]);
            Assert.Equal("yes", configuration["Plain"]);
            Assert.Equal("from-environment", configuration["Host:DataDirectory"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFile_AddsNothing()
    {
        var configuration = new ConfigurationBuilder().AddLocalSettings("/nowhere/local.settings.json").Build();

        Assert.Empty(configuration.AsEnumerable());
    }
}
