using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Platform.ScaleOut;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>A key-ring certificate that cannot encrypt keys stops start-up with a message saying why.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class ConfiguringTheKeyRingCertificate : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsportal-key-ring-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_certificate_file_that_is_not_there_is_named_in_the_message()
    {
        var path = Path.Combine(_folder.FullName, "missing.pfx");

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRingProtection.Load(path, null));

        Assert.Contains("DataProtection:CertificatePath", refused.Message);
        Assert.Contains(path, refused.Message);
    }

    [Fact]
    public void A_wrong_password_is_refused_without_repeating_it()
    {
        var path = Write(withPrivateKey: true, "the-right-password");

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRingProtection.Load(path, "a-wrong-password"));

        Assert.Contains("DataProtection:CertificatePassword", refused.Message);
        Assert.DoesNotContain("a-wrong-password", refused.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var path = Write(withPrivateKey: false, "");

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRingProtection.Load(path, null));

        Assert.Contains("no RSA private key", refused.Message);
    }

    [Fact]
    public void A_certificate_with_its_private_key_and_password_is_loaded()
    {
        var path = Write(withPrivateKey: true, "the-right-password");

        using var certificate = KeyRingProtection.Load(path, "the-right-password");

        Assert.True(certificate.HasPrivateKey);
    }

    private string Write(bool withPrivateKey, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=NewsPortal key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pfx, password));
        return path;
    }
}
