//! 日本語.

use super::keys::T;

pub(super) fn text(key: T) -> &'static str {
    match key {
        T::Title => "ソウルで仕立てて、出国前に受け取る",
        T::Intro => {
            "ソウルの小さな工房に事前に注文できます。旅行中に製作し、帰りにカウンターでお受け取りいただけます。"
        }
        T::Language => "言語",
        T::Loading => "読み込み中…",
        T::StepProduct => "商品を選ぶ",
        T::StepSizing => "サイズ",
        T::StepOptions => "オプション",
        T::StepTrip => "旅程",
        T::StepTraveller => "受取人",
        T::StepPay => "お支払いと注文",
        T::StepDone => "ご注文",
        T::PriceFrom => "{price}から",
        T::ByWorkshop => "製作: {workshop}",
        T::Chosen => "選択中: {product}",
        T::ChangeProduct => "別の商品を選ぶ",
        T::ChooseFirst => "まず商品を選んでください。",
        T::ProductMissing => "以前選んだ商品は現在取り扱っていません。もう一度お選びください。",
        T::CatGarment => "オーダー服",
        T::CatShoes => "靴",
        T::CatBag => "革小物",
        T::CatPrinted => "印刷物",
        T::SizingIntro => {
            "いくつか寸法を入力すると、根拠となる数値と一緒におすすめのサイズを表示します。"
        }
        T::NoSizing => "この商品は体の寸法を必要としません。",
        T::SizingHow => "サイズの決め方を選んでください",
        T::ModeBody => "自分の体の寸法",
        T::ModeGarment => "よく合う手持ちの服の寸法",
        T::ModeSkip => "スキップ: 寸法なしで注文",
        T::ModeShoes => "足の寸法",
        T::SkipNote => {
            "寸法がない場合は工房の標準型紙で裁断します。受け取り時に補正が必要になることがあります。"
        }
        T::Unit => "単位",
        T::UnitCm => "センチメートル",
        T::UnitIn => "インチ",
        T::Source => "測り方",
        T::SourceTape => "メジャーで体を測った",
        T::SourceGarment => "合う服から測った",
        T::SourceEstimate => "推定",
        T::GarmentHint => {
            "服を平らに置き、胸・ウエスト・ヒップは前身頃を横にまっすぐ測ってください（2倍して計算します）。その他はそのまま測ります。"
        }
        T::MeasureDrawing => "測る位置",
        T::Optional => "任意",
        T::LaidFlat => "平置きの幅",
        T::PChest => "胸囲",
        T::PWaist => "ウエスト",
        T::PHip => "ヒップ",
        T::PNeck => "首回り",
        T::PShoulder => "肩幅",
        T::PSleeve => "袖丈",
        T::PInseam => "股下",
        T::PHeight => "身長",
        T::PFootLength => "足長",
        T::PFootGirth => "足囲",
        T::HChest => "脇の下、胸のいちばん厚い所を、メジャーを水平にして測ります。",
        T::HWaist => "へその上の自然なウエストを、息を吐いた状態で測ります。",
        T::HHip => "足をそろえ、お尻のいちばん厚い所を測ります。",
        T::HNeck => "首の付け根を、指1本分のゆとりを入れて測ります。",
        T::HShoulder => "背中側で、肩先から肩先まで測ります。",
        T::HSleeve => "腕を自然に下ろし、肩先から手首の骨まで測ります。",
        T::HInseam => "靴を脱いで、股から床まで測ります。",
        T::HHeight => "靴を脱いで、まっすぐ立って測ります。",
        T::HFootLength => {
            "立った状態で、かかとからいちばん長い指先まで。長い方の足を入力してください。"
        }
        T::HFootGirth => "指の付け根の関節を通る、足のいちばん広い所の周囲を測ります。",
        T::Suggestion => "おすすめ",
        T::SizeIs => "サイズ {size}",
        T::BaseSizeIs => "基本型紙 {size}、寸法に合わせて裁断",
        T::AlsoPossible => "こちらも可: {size}",
        T::Confidence => "信頼度: {percent}%（{level}）",
        T::ConfHigh => "高",
        T::ConfMedium => "中",
        T::ConfLow => "低",
        T::AreasCaption => "部位ごとの着心地（{unit}）",
        T::ColArea => "部位",
        T::ColYou => "あなた",
        T::ColYourGarment => "手持ちの服",
        T::ColGarment => "仕上がり",
        T::ColEase => "ゆとり",
        T::LTight => "きつい",
        T::LSnug => "ぴったり",
        T::LGood => "デザイン通り",
        T::LLoose => "ゆったり",
        T::LTooLoose => "大きすぎ",
        T::Alterations => "型紙の補正",
        T::AdvMeasureNext => "{point}も測ると、より確かなおすすめになります。",
        T::AdvRemeasure => "{point}は推定値です。メジャーで測ると、より確かなおすすめになります。",
        T::AdvBetween => {
            "サイズ {smaller} と {larger} の間です。{smaller} はぴったり、{larger} はゆとりがあります。"
        }
        T::AdvNoSizeFits => "いちばん大きいサイズでも{point}がきついです。",
        T::AdvCustom => {
            "{point}に{needed}の補正が必要で、1サイズ以上の差があります。工房で専用の型紙を起こします。"
        }
        T::EnterOne => "サイズを表示するには、寸法を1つ以上入力してください。",
        T::ErrNumber => "{point}: 「{given}」は数値ではありません。",
        T::ErrRange => {
            "{point}: {given} は想定範囲 {min}〜{max} の外です。もう一度測ってください。"
        }
        T::ErrFlatRange => {
            "{point}（平置き）: {given} は想定範囲 {min}〜{max} の外です。もう一度測ってください。"
        }
        T::ShoeSizeIs => "{size}mm、ワイズ {width}",
        T::WNarrow => "細め",
        T::WStandard => "標準",
        T::WWide => "幅広",
        T::ShoeFills => {
            "このサイズにぴったりの足です。厚い靴下やむくみが気になる場合は {size}mm を選んでください。"
        }
        T::ShoeNarrow => "足幅が標準より細めです。職人が足囲に合わせて木型を調整します。",
        T::Conversions => {
            "目安: EU {eu} · UK {uk} · US メンズ {us_men} · US レディース {us_women} · JP {jp}cm"
        }
        T::AppliedSize => "下のサイズは寸法から設定しました。変更することもできます。",
        T::Included => "込み",
        T::MonogramHelp => "最大{max}文字: {allowed}",
        T::MonogramPrice => "任意、{price}追加。",
        T::ErrChars => "次の文字は入れられません: {chars}。",
        T::ErrTooLong => "最大{max}文字です。現在{given}文字です。",
        T::ErrRequired => "入力してください。",
        T::UnitPriceIs => "価格: {price}",
        T::Preview => "プレビュー",
        T::PreviewAlt => "選んだオプションの{product}のプレビュー",
        T::PreviewDrawing => "プレビューを描画中…",
        T::PreviewFailed => {
            "プレビューを描画できませんでした（{detail}）。選択内容はそのまま残っています。"
        }
        T::Artwork => "画像（任意）",
        T::ArtworkHint => {
            "写真や絵を選ぶと、印刷サイズでの鮮明さを確認します。画像はプレビュー用にこの端末にだけ残ります。"
        }
        T::ArtworkReading => "画像を読み込み中…",
        T::ArtworkTooBig => "このファイルは{size}MBです。{max}MB未満のファイルを選んでください。",
        T::ArtworkTooManyPixels => {
            "この画像は{width} × {height}ピクセルです。{max}メガピクセル未満の画像を選んでください。"
        }
        T::ArtworkUnreadable => "このファイルは画像として読み込めません。",
        T::ArtworkGood => "{width} × {height}px は{print}で{dpi}dpi: 鮮明です。",
        T::ArtworkWarn => {
            "{width} × {height}px は{print}で{dpi}dpi: 印刷できますが、やや甘くなるかもしれません。"
        }
        T::ArtworkTooLow => {
            "{width} × {height}px は{print}で{dpi}dpiしかなく、印刷にはぼやけすぎます（最低150dpi）。もっと大きな画像を選んでください。"
        }
        T::ArtworkCrop => "印刷範囲と縦横比が違うため、端が切れます。",
        T::ArtworkRemove => "画像を削除",
        T::TripIntro => "時刻はソウル時間（KST、UTC+9）です。",
        T::Arrival => "韓国到着",
        T::Departure => "出国（帰りの便）",
        T::Counter => "受け取りカウンター",
        T::CounterHours => "営業 {opens}–{closes}",
        T::Checking => "工房の予定を確認中…",
        T::ErrDateMissing => "日付と時刻を入力してください。",
        T::ErrDepartureOrder => "出国は到着より後にしてください。",
        T::Feasible => "可能です: 間に合います。",
        T::Infeasible => "できません: この旅程では間に合いません。",
        T::ReadyBy => "{time}までに完成",
        T::CollectBy => "{counter}で{time}までに受け取り",
        T::ReasonNotReady => "完成が{ready}となり、最終受け取り時刻{deadline}に間に合いません。",
        T::ReasonNoCapacity => "出国までに工房の空き時間がありません。",
        T::ReasonPayment => {
            "この商品はカードでの前払いが必要ですが、ここではカード払いが使えません。"
        }
        T::ReasonNoPickup => "出国前のカウンターの最終受け取り時刻が到着より前です。",
        T::WhatWorks => "こうすれば可能です:",
        T::AltLater => "{time}以降に出国",
        T::AltCounter => "{counter}で受け取り（{time}まで）",
        T::AltSimpler => "標準オプション: {time}までに完成",
        T::Name => "パスポート記載の氏名（ローマ字）",
        T::Email => "メールアドレス",
        T::EmailHint => "注文確認と受け取りのご案内をお送りします。",
        T::Passport => "旅券番号の下4桁",
        T::PassportHint => "受け取り時にスタッフがパスポートと照合します。",
        T::ErrName => "パスポートに記載の氏名を入力してください。",
        T::ErrEmail => "name@example.com のようなメールアドレスを入力してください。",
        T::ErrPassport => "英字または数字をちょうど4文字入力してください。",
        T::PayLegend => "お支払い",
        T::PayCard => "今すぐカードで: {amount}",
        T::PayCounter => "受け取り時にカウンターで",
        T::Total => "合計 {amount}",
        T::DueNow => "今回のお支払い: {amount}",
        T::BalanceLater => "残りの{amount}は、完成時に同じカードに請求されます。",
        T::PayAtPickup => "カウンターで{amount}をお支払いください。",
        T::PlaceOrder => "注文する",
        T::Placing => "注文中…",
        T::FixFirst => "印の付いた項目を確認してください。",
        T::NeedTrip => "まず間に合う旅程を入力してください。",
        T::CardLoading => "安全なカード入力画面を読み込み中…",
        T::CardUnavailable => "カード入力画面を読み込めませんでした。",
        T::CardTryCounter => "代わりにカウンターでのお支払いを選べます。",
        T::CardTryLater => "しばらくしてからもう一度お試しください。",
        T::CardTitle => "カード情報",
        T::PayNow => "{amount}を支払う",
        T::Paying => "支払い中…",
        T::PayFailed => "お支払いが完了しませんでした: {message}",
        T::Unreachable => {
            "現在サーバーに接続できません。入力内容はすべてこの端末に保存されています。"
        }
        T::Retry => "再試行",
        T::ServerSays => "サーバーからのメッセージ: {detail}",
        T::Thanks => "ありがとうございます。ご注文を承りました。",
        T::OrderNumber => "注文番号",
        T::PickupCode => "受け取りコード",
        T::PickupHint => "{counter}でこのコードとパスポートをご提示ください。",
        T::QrLabel => "受け取りコード{code}のQRコード",
        T::Status => "状況",
        T::RefreshStatus => "状況を更新",
        T::StatusUpdated => "状況: {status}。",
        T::SPlaced => "受付済み、お支払い待ち",
        T::SConfirmed => "確定",
        T::SInProduction => "製作中",
        T::SReady => "完成",
        T::SAtCounter => "カウンターでお待ちしています",
        T::SPickedUp => "受け取り済み",
        T::SCancelled => "キャンセル済み",
        T::SDeclined => "工房が辞退",
        T::SNoShow => "未受け取り",
        T::SRefunded => "返金済み",
        T::OrderPreview => "工房が製作する商品",
        T::KeptOnDevice => "この注文はこの端末に記録されています。ページを閉じても大丈夫です。",
        T::NewOrder => "新しい注文を始める",
    }
}
