//! The strings of the packet (申请包): exporting, printing and opening one, and the window's
//! intake record. A table of their own beside `table.rs`, in the same manner.

use yibiao_core::Lang;

/// A fixed string of the packet's pages and buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PacketUi {
    PacketHeading,
    PacketIntro,
    ExportPacket,
    PrintPacket,
    PrintOneForm,
    PrintHandover,
    SaveAsFile,
    PacketWorking,
    PacketNoWorker,
    OpenPacketHeading,
    OpenPacketHint,
    ChoosePacket,
    PacketOneFile,
    PacketTooLarge,
    PacketUnreadable,
    PacketFilesNotKept,
    ContinueAsDraft,
    ShowIntake,
    Cancel,
    IntakeHeading,
    FingerprintHeading,
    FingerprintHint,
    IntakeChecklist,
    IntakeCommitmentsHint,
    PrintIntake,
    CloseIntake,
    DraftsKept,
    DraftsMayBeCleared,
}

impl PacketUi {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            PacketUi::PacketHeading => ("申请包", "The application packet"),
            PacketUi::PacketIntro => (
                "一个 .zip 文件：封面、按这张表填好的各部门申请表、附件和需要签字的承诺书，每个文件都附有校验值。可以打印，也可以在窗口或其他设备上打开，继续办理。",
                "One .zip file: a cover sheet, each department's own form filled from this one, your attachments and the letters to sign, each file with its checksum. Print it, or open it at the service window or on another device to carry on.",
            ),
            PacketUi::ExportPacket => ("导出申请包", "Export the packet"),
            PacketUi::PrintPacket => ("打印申请包", "Print the packet"),
            PacketUi::PrintOneForm => ("单独打印某个部门的申请表", "Print one department's form"),
            PacketUi::PrintHandover => ("打印交接单（给申请人留存）", "Print the hand-over sheet (for the applicant)"),
            PacketUi::SaveAsFile => ("保存为文件", "Save my work as a file"),
            PacketUi::PacketWorking => ("正在生成申请包…", "Making the packet…"),
            PacketUi::PacketNoWorker => (
                "无法启动申请包处理程序。请在联网时刷新一次页面，然后再试。",
                "The packet maker could not start. Reload the page once while online, then try again.",
            ),
            PacketUi::OpenPacketHeading => ("打开申请包", "Open a packet"),
            PacketUi::OpenPacketHint => (
                "选择或拖入一个一表通申请包（.zip 文件）。它只在这台设备上校验，不会上传。",
                "Choose or drop a Yibiao packet (a .zip file). It is checked on this device only and never uploaded.",
            ),
            PacketUi::ChoosePacket => ("选择申请包文件", "Choose a packet file"),
            PacketUi::PacketOneFile => ("请一次只打开一个申请包文件。", "Open one packet file at a time."),
            PacketUi::PacketTooLarge => (
                "这个文件超过 256 MB，不是一表通申请包。",
                "This file is larger than 256 MB, so it is not a Yibiao packet.",
            ),
            PacketUi::PacketUnreadable => ("浏览器无法读取这个文件，请重新选择。", "The browser could not read this file: choose it again."),
            PacketUi::PacketFilesNotKept => (
                "附件无法保存到这台设备（存储空间可能已满），草稿没有导入。",
                "The attachments could not be kept on this device (its storage may be full), so the draft was not added.",
            ),
            PacketUi::ContinueAsDraft => ("作为草稿继续办理", "Continue it as a draft"),
            PacketUi::ShowIntake => ("窗口受理核对", "Check it at the window"),
            PacketUi::Cancel => ("取消", "Cancel"),
            PacketUi::IntakeHeading => ("窗口受理核对", "Intake at the window"),
            PacketUi::FingerprintHeading => ("申请包指纹（SHA-256）", "The packet's fingerprint (SHA-256)"),
            PacketUi::FingerprintHint => (
                "与申请人封面上的指纹逐组核对：相同，就说明申请数据没有被改动。",
                "Compare it group by group with the fingerprint on the applicant's cover sheet: if they are the same, the application data was not changed.",
            ),
            PacketUi::IntakeChecklist => ("材料核对（核验原件后勾选）", "Materials (tick each once its original is seen)"),
            PacketUi::IntakeCommitmentsHint => (
                "容缺和告知承诺的材料，请申请人在承诺书上签字后一并收取。",
                "For each material that follows later or is replaced by a commitment, take the letter signed by the applicant.",
            ),
            PacketUi::PrintIntake => ("打印受理记录", "Print the intake record"),
            PacketUi::CloseIntake => ("关闭，返回首页", "Close and go back to the start"),
            PacketUi::DraftsKept => (
                "这台设备的浏览器会一直保留这些草稿。",
                "This device's browser keeps these drafts for good.",
            ),
            PacketUi::DraftsMayBeCleared => (
                "浏览器在存储空间不足或清理网站数据时可能删除这些草稿。想留一份备份，请对草稿选择“保存为文件”。",
                "The browser may delete these drafts when space runs low or site data is cleared. To keep a copy, choose “Save my work as a file” on a draft.",
            ),
        };
        lang.pick(zh, en)
    }
}
