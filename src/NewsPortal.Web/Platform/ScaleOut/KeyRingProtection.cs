using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// A certificate that encrypts the data-protection key ring at rest (in Redis, or in the keys folder), bound
/// from "DataProtection". Without one the keys are stored as plain XML and ASP.NET Core warns "No XML
/// encryptor configured": anyone who can read Redis (or the folder) can then forge staff cookies.
/// </summary>
public sealed class KeyRingCertificateOptions
{
    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key; a relative path is taken from the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one. Never logged.</summary>
    public string? CertificatePassword { get; set; }
}

public static class KeyRingProtection
{
    /// <summary>Encrypts new keys with the configured certificate and decrypts keys it encrypted; does nothing when none is configured.</summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(
        this IDataProtectionBuilder dataProtection, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingCertificateOptions>() ?? new KeyRingCertificateOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return dataProtection;
        }

        var certificate = Load(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.CertificatePath)), options.CertificatePassword);
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>Loads the certificate, or stops start-up with a message saying what is wrong with it.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        const string Setting = "DataProtection:CertificatePath";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Setting} names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{Setting} names '{path}', which could not be read as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword: {e.Message}", e);
        }

        using var privateKey = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        if (privateKey is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Setting} names '{path}', which holds no RSA private key; the key ring needs one to decrypt its keys.");
        }

        return certificate;
    }
}
