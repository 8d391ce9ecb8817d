"""Indonesian names, places and requests shared by the benchmark data generators."""

FIRST = ["Budi", "Siti", "Ahmad", "Dewi", "Lalu", "Baiq", "Made", "Ni Luh", "Muhammad", "Nur",
         "Rina", "Agus", "Hendra", "Fitri", "Wayan", "Ketut", "Yusuf", "Aisyah", "Rizky", "Putri",
         "I Gusti", "Hj.", "Zainul", "Sri"]  # fmt: skip
LAST = ["Santoso", "Rahmawati", "Hidayat", "Lestari", "Saputra", "Wulandari", "Pratama",
        "Maharani", "Suhardiman", "Zulkarnaen", "Ardiansyah", "Septiani", "Kurniawan", "Hamdani",
        "Aisyah", "Maryam"]  # fmt: skip
STREET = ["Jl. Pejanggik", "Jl. Langko", "Jl. Udayana", "Jl. Majapahit", "Jl. Airlangga",
          "Jl. Sriwijaya", "Jl. Panca Usaha", "Jl. Bung Karno", "Jl. Dr. Soedjono"]  # fmt: skip
KEL = ["Cakranegara", "Ampenan", "Selaparang", "Sekarbela", "Sandubaya", "Mataram", "Pagesangan",
       "Rembiga", "Dasan Agung", "Karang Pule"]  # fmt: skip
JOB = ["Mahasiswa", "Wiraswasta", "PNS", "Wartawan", "Peneliti", "Karyawan Swasta", "Guru",
       "Pengurus Partai Politik", "LSM", "Advokat", "Ibu Rumah Tangga", "Petani"]  # fmt: skip
INFO = ["Salinan DPT Pemilu 2024 Kelurahan {k}", "Hasil rekapitulasi suara Pilkada 2024 Kecamatan {k}",
        "SK penetapan anggota PPK dan PPS Kecamatan {k}", "Laporan dana kampanye pasangan calon",
        "Daftar calon tetap anggota DPRD Kota Mataram", "Data TPS dan jumlah pemilih di Kelurahan {k}",
        "Salinan berita acara rapat pleno terbuka", "Anggaran hibah Pilkada dan realisasinya",
        "Rekapitulasi data pemilih disabilitas Kelurahan {k}", "Jadwal tahapan pemutakhiran data pemilih"]  # fmt: skip
PURPOSE = ["Penelitian skripsi", "Bahan pemberitaan", "Kajian lembaga pemantau pemilu",
           "Keperluan gugatan", "Arsip partai politik", "Pengawasan partisipatif"]  # fmt: skip
