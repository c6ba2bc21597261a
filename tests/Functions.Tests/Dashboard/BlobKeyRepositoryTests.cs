using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Functions.Dashboard;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Dashboard;

/// <summary>The dashboard's key ring in Blob storage on a real Azurite: what one instance signs, another reads.</summary>
public sealed class BlobKeyRepositoryTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task A_cookie_protected_by_one_instance_is_read_by_another_sharing_the_container()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("keys-" + Guid.NewGuid().ToString("N")[..10]);
        using var first = Instance(container);
        using var second = Instance(container);

        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("dashboard").Protect("operator");

        Assert.Equal("operator", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("dashboard").Unprotect(cookie));
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Matches("^key-[0-9a-f-]{36}\\.xml$", Assert.Single(blobs));
    }

    [Fact]
    public void Without_the_shared_container_another_instance_cannot_read_it()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("keys-" + Guid.NewGuid().ToString("N")[..10]);
        using var first = Instance(container);
        using var other = Instance(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("keys-" + Guid.NewGuid().ToString("N")[..10]));

        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("dashboard").Protect("operator");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => other.GetRequiredService<IDataProtectionProvider>().CreateProtector("dashboard").Unprotect(cookie));
    }

    private static ServiceProvider Instance(BlobContainerClient container)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("kompetansenettverk-dashboard");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobKeyRepository(container));
        return services.BuildServiceProvider();
    }
}
