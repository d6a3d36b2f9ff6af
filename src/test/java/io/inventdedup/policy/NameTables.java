package io.inventdedup.policy;

/**
 * Hand-written name tables of the multilingual benchmark ({@link MultilingualOrg}) for the scripts
 * whose Latin forms cannot be spelled out letter by letter: each entry is
 * {@code native=usual/alternate}, the Latin forms people type (the usual one first), as they appear
 * on passports, business cards and e-mail signatures, never produced by a transliterator. Hindi is
 * not in Datafaker at all: its lists here are the only ones.
 * <ul>
 * <li>Chinese: Hanyu Pinyin without tones, a two-syllable given name written as one word;</li>
 * <li>Japanese: Hepburn without macrons (the usual form), with the {@code ou} spelling as the
 * alternate where a long vowel is written ({@code Sato} / {@code Satou});</li>
 * <li>Korean: the spelling a family name usually has abroad ({@code Kim}, {@code Lee},
 * {@code Park}), Revised Romanization for given names, one word or hyphenated ({@code Minjun} /
 * {@code Min-jun});</li>
 * <li>Arabic, Persian, Hebrew, Thai, Hindi: the common English spellings, with the second common
 * one ({@code Mohammed} / {@code Muhammad}, {@code Al-Tamimi} / {@code Al Tamimi}).</li>
 * </ul>
 */
final class NameTables {

	static final String ZH_FAMILY = "王=Wang, 李=Li, 张=Zhang, 刘=Liu, 陈=Chen, 杨=Yang, 黄=Huang, 赵=Zhao, 吴=Wu, 周=Zhou, "
			+ "徐=Xu, 孙=Sun, 马=Ma, 朱=Zhu, 胡=Hu, 郭=Guo, 何=He, 高=Gao, 林=Lin, 罗=Luo, 郑=Zheng, 梁=Liang, 谢=Xie, "
			+ "宋=Song, 唐=Tang, 韩=Han, 冯=Feng, 邓=Deng, 曹=Cao, 彭=Peng, 曾=Zeng, 田=Tian, 董=Dong, 潘=Pan, 袁=Yuan, "
			+ "蔡=Cai, 蒋=Jiang, 余=Yu";

	static final String ZH_MALE = "伟=Wei, 强=Qiang, 磊=Lei, 军=Jun, 勇=Yong, 杰=Jie, 涛=Tao, 明=Ming, 超=Chao, 平=Ping, "
			+ "建华=Jianhua, 建国=Jianguo, 建军=Jianjun, 志强=Zhiqiang, 晓明=Xiaoming, 浩然=Haoran, 博文=Bowen, "
			+ "明哲=Mingzhe, 俊杰=Junjie, 思远=Siyuan, 子轩=Zixuan, 宇航=Yuhang, 国华=Guohua, 志明=Zhiming";

	static final String ZH_FEMALE = "芳=Fang, 娜=Na, 敏=Min, 静=Jing, 丽=Li, 艳=Yan, 秀英=Xiuying, 桂英=Guiying, 海燕=Haiyan, "
			+ "丽娟=Lijuan, 婷婷=Tingting, 子涵=Zihan, 欣怡=Xinyi, 雨桐=Yutong, 文静=Wenjing, 嘉怡=Jiayi, 晓燕=Xiaoyan, "
			+ "美玲=Meiling, 丽华=Lihua, 秀兰=Xiulan";

	static final String JA_FAMILY = "佐藤=Sato/Satou, 鈴木=Suzuki, 高橋=Takahashi, 田中=Tanaka, 伊藤=Ito/Itou, "
			+ "渡辺=Watanabe, 山本=Yamamoto, 中村=Nakamura, 小林=Kobayashi, 加藤=Kato/Katou, 吉田=Yoshida, 山田=Yamada, "
			+ "佐々木=Sasaki, 山口=Yamaguchi, 松本=Matsumoto, 井上=Inoue, 木村=Kimura, 林=Hayashi, 斎藤=Saito/Saitou, "
			+ "清水=Shimizu, 森=Mori, 池田=Ikeda, 橋本=Hashimoto, 阿部=Abe, 石川=Ishikawa, 山下=Yamashita, 石井=Ishii, "
			+ "小川=Ogawa, 前田=Maeda, 岡田=Okada, 長谷川=Hasegawa, 藤田=Fujita, 後藤=Goto/Gotou, 近藤=Kondo/Kondou, "
			+ "村上=Murakami, 遠藤=Endo/Endou";

	static final String JA_MALE = "健=Ken, 健太=Kenta, 健一=Kenichi, 翔太=Shota/Shouta, 翔=Sho/Shou, 大輔=Daisuke, "
			+ "大樹=Daiki, 拓也=Takuya, 直樹=Naoki, 誠=Makoto, 浩=Hiroshi, 隆=Takashi, 蓮=Ren, 陽翔=Haruto, "
			+ "一郎=Ichiro/Ichirou, 亮=Ryo/Ryou, 和也=Kazuya, 達也=Tatsuya, 翔平=Shohei/Shouhei, 直人=Naoto";

	static final String JA_FEMALE = "美咲=Misaki, 陽菜=Hina, 結衣=Yui, 葵=Aoi, 愛=Ai, 花子=Hanako, 由美=Yumi, 真由美=Mayumi, "
			+ "恵子=Keiko, 裕子=Yuko/Yuuko, 明美=Akemi, 直子=Naoko, 美穂=Miho, 彩=Aya, 奈々=Nana, さくら=Sakura, 美香=Mika, "
			+ "由香=Yuka, 真理子=Mariko, 美和=Miwa";

	static final String KO_FAMILY = "김=Kim/Gim, 이=Lee/Yi, 박=Park/Bak, 최=Choi/Choe, 정=Jung/Jeong, 강=Kang, 조=Cho/Jo, "
			+ "윤=Yoon/Yun, 장=Jang/Chang, 임=Lim/Im, 한=Han, 오=Oh, 서=Seo/Suh, 신=Shin, 권=Kwon, 황=Hwang, 안=Ahn/An, "
			+ "송=Song, 류=Ryu/Yoo, 전=Jeon/Jun, 홍=Hong, 고=Ko/Go, 문=Moon/Mun, 양=Yang, 손=Son/Sohn, 배=Bae, "
			+ "백=Baek/Paik, 허=Heo/Huh, 노=Noh/Roh, 남=Nam";

	static final String KO_MALE = "민준=Minjun/Min-jun, 서준=Seojun/Seo-jun, 도윤=Doyun/Do-yun, 예준=Yejun/Ye-jun, "
			+ "시우=Siwoo/Si-woo, 하준=Hajun/Ha-jun, 지호=Jiho/Ji-ho, 지훈=Jihoon/Ji-hoon, 현우=Hyunwoo/Hyun-woo, "
			+ "준서=Junseo/Jun-seo, 성민=Sungmin/Seong-min, 동현=Donghyun/Dong-hyun, 영호=Youngho/Young-ho, "
			+ "재민=Jaemin/Jae-min, 상훈=Sanghoon/Sang-hoon, 태현=Taehyun/Tae-hyun";

	static final String KO_FEMALE = "서연=Seoyeon/Seo-yeon, 민서=Minseo/Min-seo, 서현=Seohyun/Seo-hyun, 지우=Jiwoo/Ji-woo, "
			+ "서윤=Seoyun/Seo-yun, 지민=Jimin/Ji-min, 수빈=Subin/Soo-bin, 하은=Haeun/Ha-eun, 예은=Yeeun/Ye-eun, "
			+ "지유=Jiyu/Ji-yu, 수아=Sua/Soo-ah, 지아=Jia/Ji-a, 유진=Yujin/Yoo-jin, 은지=Eunji/Eun-ji, 혜진=Hyejin/Hye-jin, "
			+ "미영=Miyoung/Mi-young";

	static final String AR_MALE = "محمد=Mohammed/Muhammad, أحمد=Ahmed/Ahmad, علي=Ali, خالد=Khalid/Khaled, عمر=Omar/Umar, "
			+ "حسن=Hassan/Hasan, حسين=Hussein/Hussain, يوسف=Youssef/Yousef, إبراهيم=Ibrahim, عبدالله=Abdullah/Abdallah, "
			+ "عبدالرحمن=Abdulrahman/Abdul Rahman, سعيد=Saeed/Said, محمود=Mahmoud/Mahmud, مصطفى=Mustafa/Mostafa, "
			+ "طارق=Tariq/Tarek, كريم=Karim/Kareem, سامي=Sami, فيصل=Faisal/Faysal, ناصر=Nasser/Nasir, حمزة=Hamza/Hamzah";

	static final String AR_FEMALE = "فاطمة=Fatima/Fatma, عائشة=Aisha/Aysha, مريم=Maryam/Mariam, خديجة=Khadija/Khadijah, "
			+ "زينب=Zainab/Zaynab, نور=Nour/Noor, سارة=Sara/Sarah, ليلى=Layla/Leila, هدى=Huda/Hoda, أمل=Amal, رانيا=Rania, "
			+ "سلمى=Salma, ياسمين=Yasmin/Yasmine, حنان=Hanan, منى=Mona/Muna";

	static final String AR_FAMILY = "الخالدي=Al-Khalidi/Alkhalidi, التميمي=Al-Tamimi/Al Tamimi, "
			+ "القحطاني=Al-Qahtani/Al Qahtani, الزهراني=Al-Zahrani/Alzahrani, الحسيني=Al-Husseini/Husseini, "
			+ "العلي=Al-Ali/Alali, حداد=Haddad, منصور=Mansour/Mansur, عباس=Abbas, سليمان=Suleiman/Sulaiman, "
			+ "الشمري=Al-Shammari/Alshammari, العتيبي=Al-Otaibi/Al Otaibi, المصري=Al-Masri/Elmasry, خوري=Khoury/Khouri, "
			+ "نصر=Nasr, صالح=Saleh/Salih, حمدان=Hamdan, عثمان=Othman/Osman, الأنصاري=Al-Ansari/Alansari, "
			+ "البكري=Al-Bakri/Bakri";

	static final String FA_MALE = "محمد=Mohammad/Mohamad, علی=Ali, حسین=Hossein/Hosein, رضا=Reza, مهدی=Mehdi/Mahdi, "
			+ "امیر=Amir, سعید=Saeed/Saeid, حمید=Hamid, مجید=Majid, کاوه=Kaveh, بهرام=Bahram, داریوش=Dariush/Daryoush, "
			+ "آرش=Arash, فرهاد=Farhad, کوروش=Kourosh/Kurosh";

	static final String FA_FEMALE = "مریم=Maryam, زهرا=Zahra, فاطمه=Fatemeh/Fatemah, سارا=Sara, نگار=Negar, شیرین=Shirin, "
			+ "لیلا=Leila/Leyla, پریسا=Parisa, نازنین=Nazanin, مینا=Mina, فرناز=Farnaz, آزاده=Azadeh, سمیرا=Samira, "
			+ "مهسا=Mahsa, الهام=Elham";

	static final String FA_FAMILY = "احمدی=Ahmadi, محمدی=Mohammadi, حسینی=Hosseini/Hoseini, رضایی=Rezaei/Rezaee, "
			+ "موسوی=Mousavi/Musavi, کریمی=Karimi, رحیمی=Rahimi, جعفری=Jafari/Jafary, صادقی=Sadeghi/Sadeqi, "
			+ "هاشمی=Hashemi, کاظمی=Kazemi, طاهری=Taheri, قاسمی=Ghasemi/Qasemi, نوری=Nouri/Noori, عزیزی=Azizi, "
			+ "عباسی=Abbasi, زمانی=Zamani, اکبری=Akbari, یوسفی=Yousefi/Yusefi, تهرانی=Tehrani";

	static final String HE_MALE = "דוד=David, משה=Moshe, יוסף=Yosef/Yossef, אברהם=Avraham/Abraham, יעקב=Yaakov/Yakov, "
			+ "דניאל=Daniel, אורי=Uri, איתן=Eitan/Etan, נועם=Noam, עומר=Omer, יונתן=Yonatan/Jonathan, גיל=Gil, רון=Ron, "
			+ "עמית=Amit, אליהו=Eliyahu";

	static final String HE_FEMALE = "שרה=Sarah/Sara, רחל=Rachel/Rahel, מיכל=Michal, נועה=Noa, תמר=Tamar, יעל=Yael, "
			+ "רות=Ruth/Rut, שירה=Shira, מאיה=Maya, אורית=Orit, דנה=Dana, הילה=Hila, לאה=Leah/Lea, אסתר=Esther/Ester, "
			+ "רבקה=Rivka/Rivkah";

	static final String HE_FAMILY = "כהן=Cohen/Kohen, לוי=Levi/Levy, מזרחי=Mizrahi/Mizrachi, פרץ=Peretz/Perez, ביטון=Biton, "
			+ "דהן=Dahan, פרידמן=Friedman, אזולאי=Azoulay/Azulai, מלכה=Malka, חדד=Hadad/Haddad, גבאי=Gabay/Gabai, כץ=Katz, "
			+ "שפירא=Shapira/Shapiro, אוחיון=Ohayon, אשכנזי=Ashkenazi, גולן=Golan, רוזנברג=Rosenberg, אלון=Alon, "
			+ "שטרן=Stern, ברק=Barak";

	static final String TH_MALE = "สมชาย=Somchai, สมศักดิ์=Somsak, ประเสริฐ=Prasert, สุรชัย=Surachai, วิชัย=Wichai/Vichai, "
			+ "ธนากร=Thanakorn, อนันต์=Anan, ชัยวัฒน์=Chaiwat, ณัฐพล=Nattapon/Natthaphon, กิตติ=Kitti, อภิชาติ=Apichat, "
			+ "วีระ=Weera/Veera, พงศกร=Pongsakorn, เกรียงไกร=Kriangkrai, ธีระ=Theera/Teera";

	static final String TH_FEMALE = "สมศรี=Somsri, มาลี=Malee, สุดา=Suda, นภา=Napa/Napha, วันดี=Wandee, ปราณี=Pranee, "
			+ "กาญจนา=Kanchana/Kanjana, อรุณี=Arunee, ศิริพร=Siriporn, พิมพ์ชนก=Pimchanok, สุภาพร=Supaporn/Suphaphon, "
			+ "รัตนา=Rattana/Ratana, อัญชลี=Anchalee/Anchali, จันทร์เพ็ญ=Chanpen/Janpen, ณัฐธิดา=Nattida";

	static final String TH_FAMILY = "สุขสวัสดิ์=Suksawat, ศรีสุข=Srisuk, วงศ์สวัสดิ์=Wongsawat, แสงทอง=Saengthong/Sangthong, "
			+ "ทองดี=Thongdee/Tongdee, บุญมา=Boonma/Bunma, จันทร์แก้ว=Chankaew/Jankaew, ศรีวงศ์=Sriwong, "
			+ "สมบูรณ์=Somboon/Sombun, ชัยประเสริฐ=Chaiprasert, แก้วมณี=Kaewmanee, มีสุข=Meesuk, ใจดี=Jaidee/Chaidee, "
			+ "ทองคำ=Thongkham/Tongkham, สุวรรณ=Suwan, เพชรรัตน์=Petcharat/Phetcharat, กิตติศักดิ์=Kittisak, "
			+ "รุ่งเรือง=Rungruang, พึ่งบุญ=Phungboon, อินทร์แก้ว=Inkaew";

	static final String HI_MALE = "राहुल=Rahul, अमित=Amit, सुनील=Sunil, राजेश=Rajesh, विजय=Vijay, संजय=Sanjay, अनिल=Anil, "
			+ "मनोज=Manoj, दीपक=Deepak/Dipak, अजय=Ajay, रवि=Ravi, सुरेश=Suresh, रमेश=Ramesh, प्रकाश=Prakash, अशोक=Ashok, "
			+ "विकास=Vikas, आकाश=Akash/Aakash, अर्जुन=Arjun, रोहित=Rohit, नितिन=Nitin, गौरव=Gaurav, विनोद=Vinod, "
			+ "मुकेश=Mukesh, सचिन=Sachin, अभिषेक=Abhishek, आदित्य=Aditya, करण=Karan, विशाल=Vishal, हर्ष=Harsh, "
			+ "प्रदीप=Pradeep/Pradip";

	static final String HI_FEMALE = "प्रिया=Priya, पूजा=Pooja/Puja, अंजलि=Anjali, सुनीता=Sunita/Sunitha, अनीता=Anita, "
			+ "कविता=Kavita/Kavitha, नेहा=Neha, रीता=Rita/Reeta, गीता=Geeta/Gita, सीमा=Seema/Sima, रेखा=Rekha, "
			+ "मीना=Meena/Mina, आरती=Aarti/Arti, ज्योति=Jyoti, स्वाति=Swati, दिव्या=Divya, शिल्पा=Shilpa, ममता=Mamta/Mamata, "
			+ "ऋतु=Ritu, सोनिया=Sonia/Soniya, काजल=Kajal, रश्मि=Rashmi, निशा=Nisha, पल्लवी=Pallavi, श्वेता=Shweta/Sweta, "
			+ "अर्चना=Archana, लक्ष्मी=Lakshmi/Laxmi, सरिता=Sarita, वंदना=Vandana, माधुरी=Madhuri";

	static final String HI_FAMILY = "शर्मा=Sharma, वर्मा=Verma/Varma, गुप्ता=Gupta, सिंह=Singh, पटेल=Patel, यादव=Yadav, "
			+ "जैन=Jain, अग्रवाल=Agarwal/Aggarwal, मिश्रा=Mishra, तिवारी=Tiwari/Tiwary, पांडे=Pandey/Pande, "
			+ "चौहान=Chauhan, श्रीवास्तव=Srivastava/Shrivastava, मेहता=Mehta, जोशी=Joshi, राव=Rao, शुक्ला=Shukla, "
			+ "सक्सेना=Saxena, कपूर=Kapoor/Kapur, दुबे=Dubey/Dube, चौधरी=Chaudhary/Choudhary, त्रिपाठी=Tripathi";

	/** Hindi middle names: a man's {@code Kumar}, a woman's {@code Devi} or {@code Kumari}. */
	static final String HI_MALE_MIDDLE = "कुमार=Kumar";

	static final String HI_FEMALE_MIDDLE = "देवी=Devi, कुमारी=Kumari";

	private NameTables() {
	}

}
