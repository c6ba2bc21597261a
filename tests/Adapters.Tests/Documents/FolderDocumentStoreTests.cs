using Workflows.Documents;

namespace Workflows.Adapters.Tests.Documents;

public sealed class FolderDocumentStoreTests() : DocumentStoreConformance(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "documents-tests", Guid.NewGuid().ToString("N"));
    protected override Task<IDocumentStore> CreateStoreAsync() => Task.FromResult<IDocumentStore>(
        new FolderDocumentStore(root, new DocumentLinkSigner(new byte[32], new Uri("http://localhost:7071/"), Clock), Clock));

    public override Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Get_DocumentAlteredOnDisk_IsDetected()
    {
        await Store.PutAsync("a/x.txt", Bytes("true"), "text/plain");
        await File.WriteAllTextAsync(Path.Combine(root, "a", "x.txt"), "false");

        await Assert.ThrowsAsync<InvalidDataException>(() => Store.GetAsync("a/x.txt"));
    }

    [Fact]
    public async Task ReadLink_IsSignedAndExpires()
    {
        var signer = new DocumentLinkSigner(new byte[32], new Uri("http://localhost:7071/"), Clock);

        var link = await Store.GetReadLinkAsync("ahus/nurses/42/funksjonsbeskrivelse.pdf", TimeSpan.FromMinutes(30));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var expires = long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("/documents/ahus/nurses/42/funksjonsbeskrivelse.pdf", link.AbsolutePath);
        Assert.True(signer.Verify("ahus/nurses/42/funksjonsbeskrivelse.pdf", expires, query["sig"]));
        Assert.False(signer.Verify("ahus/nurses/43/funksjonsbeskrivelse.pdf", expires, query["sig"]));
        Assert.False(signer.Verify("ahus/nurses/42/funksjonsbeskrivelse.pdf", expires + 1, query["sig"]));
        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.False(signer.Verify("ahus/nurses/42/funksjonsbeskrivelse.pdf", expires, query["sig"]));
    }
}
